<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_US" sourcelanguage="en_US">
<context>
    <name>Admin</name>
    <message>
        <source>Something went wrong inside the kiosk, so nothing was changed. The details are in the kiosk&apos;s log.</source>
        <translation>Algo falló dentro del quiosco, así que no se cambió nada. Los detalles están en el registro del quiosco.</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <source>Staff: keeping the directory right</source>
        <translation>Personal: mantener el directorio al día</translation>
    </message>
    <message>
        <source>Lock and go back to the kiosk</source>
        <translation>Bloquear y volver al quiosco</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>Por revisar</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <source>Recent changes</source>
        <translation>Cambios recientes</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>Import, export</source>
        <translation>Memoria USB</translation>
    </message>
    <message>
        <source>Usage report</source>
        <translation>Informe de uso</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión de %1</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>Se guardó: %1.</translation>
    </message>
    <message>
        <source>Work queue: %1 of %2</source>
        <translation>Lista de trabajo: %1 de %2</translation>
    </message>
    <message>
        <source>That was the last one of the %1 in the list.</source>
        <translation>Esa era la última de las %1 de la lista.</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>Nueva categoría</translation>
    </message>
    <message>
        <source>Id (short, never changes)</source>
        <translation>Id (corto, nunca cambia)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Nombre (inglés)</translation>
    </message>
    <message>
        <source>Name (Spanish)</source>
        <translation>Nombre (español)</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>Descripción (inglés)</translation>
    </message>
    <message>
        <source>Description (Spanish)</source>
        <translation>Descripción (español)</translation>
    </message>
    <message>
        <source>Order on the home screen</source>
        <translation>Orden en la pantalla de inicio</translation>
    </message>
    <message>
        <source>Hidden from visitors</source>
        <translation>Oculta a los visitantes</translation>
    </message>
    <message>
        <source>Leave its name off discreet sheets</source>
        <translation>No poner su nombre en hojas discretas</translation>
    </message>
    <message>
        <source>Icon</source>
        <translation>Icono</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation> (oculta)</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Categoría: %1</translation>
    </message>
    <message>
        <source>Another category has this id.</source>
        <translation>Otra categoría ya tiene este id.</translation>
    </message>
</context>
<context>
    <name>CategoryScreen</name>
    <message>
        <source>1 place</source>
        <translation>1 lugar</translation>
    </message>
    <message>
        <source>%1 places</source>
        <translation>%1 lugares</translation>
    </message>
    <message>
        <source>Near %1</source>
        <translation>Cerca de %1</translation>
    </message>
    <message>
        <source>Statewide</source>
        <translation>En todo el estado</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Abierto ahora</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Gratis</translation>
    </message>
    <message>
        <source>Spanish spoken</source>
        <translation>Se habla español</translation>
    </message>
    <message>
        <source>Show only: %1</source>
        <translation>Mostrar solo: %1</translation>
    </message>
    <message>
        <source>Nothing matches. Tap a filter again to turn it off.</source>
        <translation>No hay resultados. Toque un filtro otra vez para quitarlo.</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Español</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Good to know: %1</source>
        <translation>Información útil: %1</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>Write the phone number.</source>
        <translation>Escriba el número de teléfono.</translation>
    </message>
    <message>
        <source>Write this phone number in digits only: %1</source>
        <translation>Escriba este número de teléfono solo con dígitos: %1</translation>
    </message>
    <message>
        <source>This phone number is missing a digit: %1</source>
        <translation>A este número de teléfono le falta un dígito: %1</translation>
    </message>
    <message>
        <source>This phone number is missing %2 digits: %1</source>
        <translation>A este número de teléfono le faltan %2 dígitos: %1</translation>
    </message>
    <message>
        <source>This phone number has one digit too many: %1</source>
        <translation>Este número de teléfono tiene un dígito de más: %1</translation>
    </message>
    <message>
        <source>This phone number has %2 digits too many: %1</source>
        <translation>Este número de teléfono tiene %2 dígitos de más: %1</translation>
    </message>
    <message>
        <source>This is not a working US phone number; check the area code: %1</source>
        <translation>Este no es un número de teléfono de EE. UU. que funcione; revise el código de área: %1</translation>
    </message>
    <message>
        <source>A web address has no spaces: %1</source>
        <translation>Una dirección web no lleva espacios: %1</translation>
    </message>
    <message>
        <source>This is not a web address like https://example.org: %1</source>
        <translation>Esta no es una dirección web como https://example.org: %1</translation>
    </message>
    <message>
        <source>This is not an email address like name@example.org: %1</source>
        <translation>Este no es un correo electrónico como nombre@example.org: %1</translation>
    </message>
    <message>
        <source>A ZIP code has 5 digits, like 06226: %1</source>
        <translation>Un código postal tiene 5 dígitos, como 06226: %1</translation>
    </message>
    <message>
        <source>Write a short id, like windham-clinic.</source>
        <translation>Escriba un id corto, como windham-clinic.</translation>
    </message>
    <message>
        <source>Use only small letters, digits and dashes, like windham-clinic: %1</source>
        <translation>Use solo letras minúsculas, dígitos y guiones, como windham-clinic: %1</translation>
    </message>
    <message>
        <source>Write hours like 09:00-17:00 (several with commas): %1</source>
        <translation>Escriba el horario como 09:00-17:00 (varios, con comas): %1</translation>
    </message>
    <message>
        <source>Write the name in English; it is required.</source>
        <translation>Escriba el nombre en inglés; es obligatorio.</translation>
    </message>
    <message>
        <source>Write the description in English; it is required.</source>
        <translation>Escriba la descripción en inglés; es obligatoria.</translation>
    </message>
    <message>
        <source>Write the title in English; it is required.</source>
        <translation>Escriba el título en inglés; es obligatorio.</translation>
    </message>
    <message>
        <source>Write the text in English; it is required.</source>
        <translation>Escriba el texto en inglés; es obligatorio.</translation>
    </message>
    <message>
        <source>Say where this came from (a file, a web page, a call).</source>
        <translation>Diga de dónde salió esto (un archivo, una página web, una llamada).</translation>
    </message>
    <message>
        <source>Write the day the page was read as 2026-12-01.</source>
        <translation>Escriba el día en que se leyó la página así: 2026-12-01.</translation>
    </message>
    <message>
        <source>Say on which day the web page was read.</source>
        <translation>Diga qué día se leyó la página web.</translation>
    </message>
    <message>
        <source>Add at least one source: where do these facts come from?</source>
        <translation>Agregue al menos una fuente: ¿de dónde salen estos datos?</translation>
    </message>
    <message>
        <source>Tick at least one category.</source>
        <translation>Marque al menos una categoría.</translation>
    </message>
    <message>
        <source>This category does not exist any more: %1</source>
        <translation>Esta categoría ya no existe: %1</translation>
    </message>
    <message>
        <source>There is no entry with this id: %1</source>
        <translation>No hay ninguna entrada con este id: %1</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Monday</source>
        <translation>Lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Viernes</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Domingo</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Gratis</translation>
    </message>
    <message>
        <source>Sliding scale</source>
        <translation>Según ingresos</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Seguro médico</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Con costo</translation>
    </message>
    <message>
        <source>Walk in</source>
        <translation>Sin cita</translation>
    </message>
    <message>
        <source>By appointment</source>
        <translation>Con cita</translation>
    </message>
    <message>
        <source>Call first</source>
        <translation>Llamar antes</translation>
    </message>
    <message>
        <source>Outreach</source>
        <translation>Visitas en la comunidad</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>24-hour hotline</source>
        <translation>Línea de 24 horas</translation>
    </message>
    <message>
        <source>TTY</source>
        <translation>TTY</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Nothing was saved. Fix the fields marked in red.</source>
        <translation>No se guardó nada. Corrija los campos marcados en rojo.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Se guardó.</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Pueblo</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>hace 1 día</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>hace %1 días</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Oculta</translation>
    </message>
</context>
<context>
    <name>EntriesPage</name>
    <message>
        <source>Search entries</source>
        <translation>Buscar entradas</translation>
    </message>
    <message>
        <source>Search: name, town or phone</source>
        <translation>Nombre, pueblo, tel.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>Todas las entradas</translation>
    </message>
    <message>
        <source>Not yet checked</source>
        <translation>Aún sin revisar</translation>
    </message>
    <message>
        <source>Not checked in %1 days</source>
        <translation>Sin revisar en %1 días</translation>
    </message>
    <message>
        <source>Hidden from visitors</source>
        <translation>Ocultas a los visitantes</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Pueblo</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Nueva entrada</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Checked today</source>
        <translation>Revisado hoy</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Hide from visitors</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Categoría: todas</translation>
    </message>
    <message>
        <source>All towns</source>
        <translation>Pueblo: todos</translation>
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <translation>%1 de %2 entradas</translation>
    </message>
    <message>
        <source>Show to visitors again</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Marked as checked today by %1.</source>
        <translation>Marcada como revisada hoy por %1.</translation>
    </message>
    <message>
        <source>Copied as %1. Change what differs, then save.</source>
        <translation>Copiada como %1. Cambie lo que sea distinto y guarde.</translation>
    </message>
    <message>
        <source>Shown to visitors again.</source>
        <translation>Se muestra otra vez a los visitantes.</translation>
    </message>
    <message>
        <source>Hidden from visitors. It can be shown again at any time.</source>
        <translation>Oculta a los visitantes. Se puede volver a mostrar cuando quiera.</translation>
    </message>
</context>
<context>
    <name>FolderModel</name>
    <message>
        <source>folder</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
</context>
<context>
    <name>FolderPicker</name>
    <message>
        <source>Up one folder</source>
        <translation>Subir una carpeta</translation>
    </message>
    <message>
        <source>Use this folder</source>
        <translation>Usar esta carpeta</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Buscar otra vez</translation>
    </message>
    <message>
        <source>Folders and files</source>
        <translation>Carpetas y archivos</translation>
    </message>
    <message>
        <source>No USB stick was found. Plug one in, then tap &quot;Look again&quot;.</source>
        <translation>No se encontró ninguna memoria USB. Conecte una y toque &quot;Buscar otra vez&quot;.</translation>
    </message>
</context>
<context>
    <name>HandoutScreen</name>
    <message>
        <source>My handout</source>
        <translation>Mi hoja para llevar</translation>
    </message>
    <message>
        <source>Nothing added yet. Open a place and tap “Add to my handout”.</source>
        <translation>Todavía no ha agregado nada. Abra un lugar y toque “Agregar a mi hoja”.</translation>
    </message>
    <message>
        <source>Print my handout</source>
        <translation>Imprimir mi hoja</translation>
    </message>
    <message>
        <source>1 place</source>
        <translation>1 lugar</translation>
    </message>
    <message>
        <source>%1 places</source>
        <translation>%1 lugares</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Idioma: %1</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño de letra</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Contraste</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Handout (%1)</source>
        <translation>Mi hoja (%1)</translation>
    </message>
    <message>
        <source>My handout: %1 places</source>
        <translation>Mi hoja: %1 lugares</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>Do this: %1</source>
        <translation>Haga esto: %1</translation>
    </message>
    <message>
        <source>Is this kiosk ready for visitors?</source>
        <translation>¿Está este quiosco listo para los visitantes?</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Revisar otra vez</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>Todas las revisiones salieron bien.</translation>
    </message>
    <message>
        <source>%1 of %2 checks need attention.</source>
        <translation>%1 de %2 revisiones necesitan atención.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>The category &quot;%1&quot; still has %2 entries in it; move them to another category first.</source>
        <translation>La categoría &quot;%1&quot; todavía tiene %2 entradas; páselas antes a otra categoría.</translation>
    </message>
    <message>
        <source>There is no entry &quot;%1&quot; any more.</source>
        <translation>Ya no existe la entrada &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no topic &quot;%1&quot; any more.</source>
        <translation>Ya no existe el tema &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>That change is not in the history.</source>
        <translation>Ese cambio no está en el historial.</translation>
    </message>
    <message>
        <source>This change cannot be put back here.</source>
        <translation>Este cambio no se puede deshacer aquí.</translation>
    </message>
    <message>
        <source>Change %1 (%2, %3) changed the same field later; look at it before putting this one back.</source>
        <translation>El cambio %1 (%2, %3) cambió después el mismo campo; mírelo antes de deshacer este.</translation>
    </message>
    <message>
        <source>These fields are already as they were before this change.</source>
        <translation>Estos campos ya están como antes de este cambio.</translation>
    </message>
    <message>
        <source>The category &quot;%1&quot; no longer exists, so this entry cannot be put back as it was.</source>
        <translation>La categoría &quot;%1&quot; ya no existe, así que esta entrada no puede volver a como estaba.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Edited</source>
        <translation>Editada</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Created as a copy</source>
        <translation>Creada como copia</translation>
    </message>
    <message>
        <source>Hidden from visitors</source>
        <translation>Oculta a los visitantes</translation>
    </message>
    <message>
        <source>Shown to visitors again</source>
        <translation>Se muestra otra vez a los visitantes</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importación</translation>
    </message>
    <message>
        <source>Put back</source>
        <translation>Deshecho</translation>
    </message>
    <message>
        <source>The entry was created by this change, so it would be removed.</source>
        <translation>Este cambio creó la entrada, así que se quitaría.</translation>
    </message>
    <message>
        <source>The entry was removed by this change, so it would come back as it was before.</source>
        <translation>Este cambio quitó la entrada, así que volvería como estaba antes.</translation>
    </message>
    <message>
        <source>%1: already %2</source>
        <translation>%1: ya es %2</translation>
    </message>
    <message>
        <source>%1: %2, back to %3</source>
        <translation>%1: %2, vuelve a %3</translation>
    </message>
    <message>
        <source>Change %1 of %2 by %3 changed %4 again later.</source>
        <translation>El cambio %1 del %2, de %3, cambió %4 otra vez después.</translation>
    </message>
    <message>
        <source>Putting this change back undoes that too.</source>
        <translation>Si deshace este cambio, también deshace ese.</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>Importación deshecha</translation>
    </message>
    <message>
        <source>Given a category</source>
        <translation>Se le dio una categoría</translation>
    </message>
    <message>
        <source>Took the feed&apos;s value</source>
        <translation>Se tomó el valor de la fuente</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>(change %1)</source>
        <translation>(cambio %1)</translation>
    </message>
    <message>
        <source>The entry was created.</source>
        <translation>Se creó la entrada.</translation>
    </message>
    <message>
        <source>The entry was removed.</source>
        <translation>Se quitó la entrada.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>No cambió nada.</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Put back as it was before this change</source>
        <translation>Dejar como estaba antes de este cambio</translation>
    </message>
    <message>
        <source>Do not put back</source>
        <translation>No deshacer</translation>
    </message>
    <message>
        <source>Put back</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Historial: %1</translation>
    </message>
    <message>
        <source>Nothing to put back: these fields are already as they were before this change.</source>
        <translation>No hay nada que deshacer: estos campos ya están como antes de este cambio.</translation>
    </message>
    <message>
        <source>Putting back change %1 of %2:</source>
        <translation>Deshacer el cambio %1 del %2:</translation>
    </message>
    <message>
        <source>Put back anyway</source>
        <translation>Deshacer de todos modos</translation>
    </message>
    <message>
        <source>Someone changed this entry again just now; look at it once more.</source>
        <translation>Alguien acaba de cambiar esta entrada otra vez; mírela de nuevo.</translation>
    </message>
    <message>
        <source>Removed: change %1 of %2 created it.</source>
        <translation>Se quitó: la creó el cambio %1 del %2.</translation>
    </message>
    <message>
        <source>Brought back as it was before change %1 of %2.</source>
        <translation>Volvió como estaba antes del cambio %1 del %2.</translation>
    </message>
    <message>
        <source>Put back as before change %1 of %2: %3.</source>
        <translation>Volvió a como estaba antes del cambio %1 del %2: %3.</translation>
    </message>
</context>
<context>
    <name>HistoryWords</name>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Name on discreet sheets</source>
        <translation>Nombre en hojas discretas</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Dirección web</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Who it serves</source>
        <translation>A quién atiende</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Note about hours</source>
        <translation>Nota sobre el horario</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <source>Languages spoken</source>
        <translation>Idiomas que se hablan</translation>
    </message>
    <message>
        <source>Who can go</source>
        <translation>Quién puede ir</translation>
    </message>
    <message>
        <source>How to get in</source>
        <translation>Cómo entrar</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>Palabras de búsqueda</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Shown to visitors</source>
        <translation>Se muestra a los visitantes</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Última revisión</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>Revisada por</translation>
    </message>
    <message>
        <source>Notes for staff</source>
        <translation>Notas para el personal</translation>
    </message>
    <message>
        <source>Where it comes from</source>
        <translation>De dónde viene</translation>
    </message>
    <message>
        <source>Left the feed on</source>
        <translation>Salió de la fuente el</translation>
    </message>
    <message>
        <source>Icon</source>
        <translation>Icono</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Hidden from visitors</source>
        <translation>Oculta a los visitantes</translation>
    </message>
    <message>
        <source>Left off discreet sheets</source>
        <translation>Fuera de las hojas discretas</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>One line under the title</source>
        <translation>Una línea bajo el título</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Related entries</source>
        <translation>Entradas relacionadas</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>Phone %1</source>
        <translation>Teléfono %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>text %1</source>
        <translation>texto %1</translation>
    </message>
    <message>
        <source>Open 24/7</source>
        <translation>Abierto 24/7</translation>
    </message>
    <message>
        <source>Closed every day</source>
        <translation>Cerrado todos los días</translation>
    </message>
    <message>
        <source>The whole country</source>
        <translation>Todo el país</translation>
    </message>
    <message>
        <source>All of Connecticut</source>
        <translation>Todo Connecticut</translation>
    </message>
    <message>
        <source>%1 County</source>
        <translation>Condado de %1</translation>
    </message>
    <message>
        <source>(read %1)</source>
        <translation>(leída el %1)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No, hidden</source>
        <translation>No, oculta</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Quitada</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Emergency</source>
        <translation>Emergencias</translation>
    </message>
    <message>
        <source>Text %1 to %2</source>
        <translation>Envíe %1 al %2</translation>
    </message>
    <message>
        <source>Text %1</source>
        <translation>Mensaje de texto al %1</translation>
    </message>
    <message>
        <source>More lines that help</source>
        <translation>Más líneas de ayuda</translation>
    </message>
    <message>
        <source>See all %1</source>
        <translation>Ver las %1</translation>
    </message>
    <message>
        <source>Help right now</source>
        <translation>Ayuda ahora mismo</translation>
    </message>
    <message>
        <source>Free and private. Someone will answer, day and night.</source>
        <translation>Gratis y privado. Alguien le contestará, de día y de noche.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>What do you need?</source>
        <translation>¿Qué necesita?</translation>
    </message>
    <message>
        <source>Good to know</source>
        <translation>Información útil</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>1. Choose the USB stick&apos;s folder or a directory file</source>
        <translation>1. Elija la carpeta de la memoria USB o un archivo del directorio</translation>
    </message>
    <message>
        <source>Nothing chosen yet.</source>
        <translation>Todavía no ha elegido nada.</translation>
    </message>
    <message>
        <source>Export the directory to this folder</source>
        <translation>Exportar el directorio a esta carpeta</translation>
    </message>
    <message>
        <source>2. See what it would change, then apply</source>
        <translation>2. Vea qué cambiaría y luego aplíquelo</translation>
    </message>
    <message>
        <source>Undo last import</source>
        <translation>Deshacer la importación</translation>
    </message>
    <message>
        <source>See the changes</source>
        <translation>Ver los cambios</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Fuente:</translation>
    </message>
    <message>
        <source>Export here</source>
        <translation>Exportar aquí</translation>
    </message>
    <message>
        <source>Name of the source</source>
        <translation>Nombre de la fuente</translation>
    </message>
    <message>
        <source>found from the files</source>
        <translation>se toma de los archivos</translation>
    </message>
    <message>
        <source>Apply them</source>
        <translation>Aplicarlos</translation>
    </message>
    <message>
        <source>What would change</source>
        <translation>Qué cambiaría</translation>
    </message>
    <message>
        <source>Leave out the records listed above</source>
        <translation>Dejar fuera los registros de arriba</translation>
    </message>
    <message>
        <source>Yes, retire or remove what is listed above</source>
        <translation>Sí, retirar o quitar lo que se indica arriba</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Elegido: %1</translation>
    </message>
    <message numerus="yes">
        <source>These files have %n problem(s); nothing can be imported until they are fixed.</source>
        <translation>
            <numerusform>Estos archivos tienen %n problema; no se puede importar nada hasta corregirlo.</numerusform>
            <numerusform>Estos archivos tienen %n problemas; no se puede importar nada hasta corregirlos.</numerusform>
        </translation>
    </message>
    <message>
        <source>No directory files were found there.</source>
        <translation>No se encontraron archivos del directorio ahí.</translation>
    </message>
    <message>
        <source>This would take entries away from visitors (listed at the top). Tick &quot;Yes, retire or remove what is listed above&quot; if that is meant.</source>
        <translation>Esto quitaría entradas a los visitantes (se indican arriba). Marque &quot;Sí, retirar o quitar lo que se indica arriba&quot; si eso es lo que quiere.</translation>
    </message>
    <message>
        <source>Nothing to do: the files hold the same directory.</source>
        <translation>Nada que hacer: los archivos tienen el mismo directorio.</translation>
    </message>
    <message>
        <source>%1 without a category</source>
        <translation>%1 sin categoría</translation>
    </message>
    <message>
        <source>%1 possible duplicates</source>
        <translation>%1 posibles duplicados</translation>
    </message>
    <message>
        <source>%1 changed by both staff and the feed</source>
        <translation>%1 cambiadas por el personal y por la fuente</translation>
    </message>
    <message>
        <source>Retired, no longer in the files: %1</source>
        <translation>Retirada, ya no está en los archivos: %1</translation>
    </message>
    <message>
        <source>Without a category: %1</source>
        <translation>Sin categoría: %1</translation>
    </message>
    <message>
        <source>Possible duplicate: %1 and %2 (%3)</source>
        <translation>Posible duplicado: %1 y %2 (%3)</translation>
    </message>
    <message>
        <source>Changed by both staff and the feed: %1, %2</source>
        <translation>Cambiada por el personal y por la fuente: %1, %2</translation>
    </message>
    <message>
        <source>Not imported: %1 is already an entry of %2</source>
        <translation>No se importó: %1 ya es una entrada de %2</translation>
    </message>
    <message>
        <source>No service could be imported, so nothing can change.</source>
        <translation>No se pudo importar ningún servicio, así que nada puede cambiar.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) cannot be imported (listed above). Fix them, or tick &quot;Leave out the records listed above&quot; to import the rest.</source>
        <translation>
            <numerusform>%n registro no se puede importar (ver arriba). Corríjalo, o marque &quot;Dejar fuera los registros de arriba&quot; para importar el resto.</numerusform>
            <numerusform>%n registros no se pueden importar (ver arriba). Corríjalos, o marque &quot;Dejar fuera los registros de arriba&quot; para importar el resto.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 new, %3 changed, %4 retired, %5 unchanged.</source>
        <translation>%1: %2 nuevas, %3 con cambios, %4 retiradas, %5 sin cambios.</translation>
    </message>
    <message>
        <source>%1, to review after the import: %2.</source>
        <translation>%1, para revisar después de importar: %2.</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 changed, %4 missing.</source>
        <translation>%1: %2 para agregar, %3 con cambios, %4 faltan.</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nueva: %1</translation>
    </message>
    <message>
        <source>Changed: %1 (%2)</source>
        <translation>Cambiada: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>... y %n más.</numerusform>
            <numerusform>... y %n más.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database could not be backed up, so nothing was changed. (%1)</source>
        <translation>No se pudo hacer una copia de la base de datos, así que no se cambió nada. (%1)</translation>
    </message>
    <message>
        <source>The kiosk&apos;s directory changed since the check. Look at the new summary, then apply again.</source>
        <translation>El directorio del quiosco cambió desde la revisión. Vea el nuevo resumen y vuelva a aplicar.</translation>
    </message>
    <message>
        <source>Done. %1</source>
        <translation>Hecho. %1</translation>
    </message>
    <message>
        <source>Imported. A copy of the database from before is in %1.</source>
        <translation>Importado. Hay una copia de la base de datos anterior en %1.</translation>
    </message>
    <message>
        <source>The import of %1 was undone.</source>
        <translation>Se deshizo la importación del %1.</translation>
    </message>
    <message>
        <source>Could not write to %1: %2</source>
        <translation>No se pudo escribir en %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1.</source>
        <translation>
            <numerusform>Se exportó %n archivo a %1.</numerusform>
            <numerusform>Se exportaron %n archivos a %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Find help</source>
        <translation>Encontrar ayuda</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Notices for staff</source>
        <translation>Avisos para el personal</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Visto</translation>
    </message>
    <message>
        <source>Seen: hide these notices</source>
        <translation>Visto: ocultar estos avisos</translation>
    </message>
    <message>
        <source>Notice for staff</source>
        <translation>Aviso para el personal</translation>
    </message>
    <message>
        <source>Please read: notice for staff</source>
        <translation>Lea por favor: aviso para el personal</translation>
    </message>
    <message numerus="yes">
        <source>%n notices for staff</source>
        <translation>
            <numerusform>%n aviso para el personal</numerusform>
            <numerusform>%n avisos para el personal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more under Notices.</source>
        <translation>
            <numerusform>... y %n más en Avisos.</numerusform>
            <numerusform>... y %n más en Avisos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoticesModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Visto</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <source>Messages the kiosk left for staff, newest first: a database restored from a backup, an update applied or refused.</source>
        <translation>Mensajes del quiosco para el personal, los más nuevos primero: una base de datos restaurada de una copia, una actualización aplicada o rechazada.</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>No notices.</source>
        <translation>No hay avisos.</translation>
    </message>
</context>
<context>
    <name>PageModel</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>PhonesModel</name>
    <message>
        <source>(no number yet)</source>
        <translation>(todavía sin número)</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Erase</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The two PINs were not the same. Start again.</source>
        <translation>Los dos PIN no eran iguales. Empiece otra vez.</translation>
    </message>
    <message numerus="yes">
        <source>The PIN needs at least %n digits.</source>
        <translation>
            <numerusform>El PIN necesita al menos %n dígito.</numerusform>
            <numerusform>El PIN necesita al menos %n dígitos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The PIN may hold only digits.</source>
        <translation>El PIN solo puede tener dígitos.</translation>
    </message>
    <message>
        <source>No staff PIN is set on this kiosk. Set one with &apos;kiosk set-pin&apos; at a terminal.</source>
        <translation>Este quiosco no tiene PIN del personal. Póngalo con &apos;kiosk set-pin&apos; en una terminal.</translation>
    </message>
    <message>
        <source>The kiosk cannot keep count of PIN tries (its disk is full or cannot be written), so no PIN is accepted. Fix the disk, then try again.</source>
        <translation>El quiosco no puede contar los intentos de PIN (su disco está lleno o no se puede escribir en él), así que no acepta ningún PIN. Arregle el disco y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left.</source>
        <translation>PIN incorrecto. Le queda 1 intento.</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left.</source>
        <translation>PIN incorrecto. Le quedan %1 intentos.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <source>Type the PIN you use now</source>
        <translation>Escriba el PIN que usa ahora</translation>
    </message>
    <message numerus="yes">
        <source>Type the new PIN: %n digits or more</source>
        <translation>
            <numerusform>Escriba el nuevo PIN: %n dígito o más</numerusform>
            <numerusform>Escriba el nuevo PIN: %n dígitos o más</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the new PIN again</source>
        <translation>Escriba el nuevo PIN otra vez</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1.</source>
        <translation>Demasiados PIN incorrectos. Pruebe otra vez en %1.</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Your handout</source>
        <translation>Su hoja para llevar</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Leaves off words that say what the help is for.</source>
        <translation>No pone palabras que digan para qué es la ayuda.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Printing. Take your sheet from the printer.</source>
        <translation>Imprimiendo. Tome su hoja de la impresora.</translation>
    </message>
    <message>
        <source>Discreet sheet: on</source>
        <translation>Hoja discreta: sí</translation>
    </message>
    <message>
        <source>Discreet sheet: off</source>
        <translation>Hoja discreta: no</translation>
    </message>
    <message>
        <source>Discreet sheet</source>
        <translation>Hoja discreta</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>There is no printer here. Scan the code instead, or ask staff.</source>
        <translation>Aquí no hay impresora. Escanee el código, o pida ayuda al personal.</translation>
    </message>
    <message>
        <source>The printer isn&apos;t working. Scan the code instead, or ask staff.</source>
        <translation>La impresora no funciona. Escanee el código o pida ayuda al personal.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Intentar otra vez</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Dejar de leer</translation>
    </message>
</context>
<context>
    <name>RecentModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué cambió</translation>
    </message>
</context>
<context>
    <name>RecentPage</name>
    <message>
        <source>What staff changed, newest first. Tap a line to see that entry&apos;s history and put a change back.</source>
        <translation>Lo que cambió el personal, lo más nuevo primero. Toque una línea para ver el historial de esa entrada y deshacer un cambio.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 cambios</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 cambio</translation>
    </message>
    <message>
        <source>Import: %1 new, %2 changed, %3 removed</source>
        <translation>Importación: %1 nuevas, %2 cambiadas, %3 quitadas</translation>
    </message>
    <message>
        <source>(undone)</source>
        <translation>(deshecha)</translation>
    </message>
</context>
<context>
    <name>ReportWrong</name>
    <message>
        <source>The number did not work</source>
        <translation>El número no funcionó</translation>
    </message>
    <message>
        <source>The place is closed or gone</source>
        <translation>El lugar está cerrado o ya no existe</translation>
    </message>
    <message>
        <source>Something else is wrong</source>
        <translation>Otra cosa está mal</translation>
    </message>
    <message>
        <source>Something wrong here?</source>
        <translation>¿Algo está mal aquí?</translation>
    </message>
    <message>
        <source>Something wrong here? Tell us</source>
        <translation>¿Algo está mal aquí? Díganoslo</translation>
    </message>
    <message>
        <source>What is wrong?</source>
        <translation>¿Qué está mal?</translation>
    </message>
    <message>
        <source>Nothing, go back</source>
        <translation>Nada, volver</translation>
    </message>
    <message>
        <source>Thank you. Staff will check this place.</source>
        <translation>Gracias. El personal revisará este lugar.</translation>
    </message>
</context>
<context>
    <name>ReportedWrong</name>
    <message>
        <source>the number did not work</source>
        <translation>el número no funcionó</translation>
    </message>
    <message>
        <source>closed or gone</source>
        <translation>cerrado o ya no existe</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>otra cosa</translation>
    </message>
    <message>
        <source>Reported wrong by a visitor once</source>
        <translation>Un visitante dijo una vez que está mal</translation>
    </message>
    <message>
        <source>Reported wrong by visitors %1 times</source>
        <translation>Los visitantes dijeron %1 veces que está mal</translation>
    </message>
</context>
<context>
    <name>ResourceEditor</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Checked today</source>
        <translation>Revisado hoy</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Saltar</translation>
    </message>
    <message>
        <source>%1 (English)</source>
        <translation>%1 (inglés)</translation>
    </message>
    <message>
        <source>%1 (Spanish)</source>
        <translation>%1 (español)</translation>
    </message>
    <message>
        <source>Name and description</source>
        <translation>Nombre y descripción</translation>
    </message>
    <message>
        <source>Id (short, never changes)</source>
        <translation>Id (corto, nunca cambia)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Name on discreet sheets</source>
        <translation>Nombre en hojas discretas</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Phone numbers (the first is the main one)</source>
        <translation>Números de teléfono (el primero es el principal)</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Números de teléfono</translation>
    </message>
    <message>
        <source>Add a phone</source>
        <translation>Agregar teléfono</translation>
    </message>
    <message>
        <source>Remove this phone</source>
        <translation>Quitar este teléfono</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Label (English)</source>
        <translation>Etiqueta (inglés)</translation>
    </message>
    <message>
        <source>Label (Spanish)</source>
        <translation>Etiqueta (español)</translation>
    </message>
    <message>
        <source>When to call (English)</source>
        <translation>Cuándo llamar (inglés)</translation>
    </message>
    <message>
        <source>When to call (Spanish)</source>
        <translation>Cuándo llamar (español)</translation>
    </message>
    <message>
        <source>Word to text (for text lines)</source>
        <translation>Palabra para enviar (líneas de texto)</translation>
    </message>
    <message>
        <source>Kind of number</source>
        <translation>Tipo de número</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Web, email and address</source>
        <translation>Web, correo y dirección</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Dirección web</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Calle</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Pueblo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Who it serves</source>
        <translation>A quién atiende</translation>
    </message>
    <message>
        <source>All of Connecticut</source>
        <translation>Todo Connecticut</translation>
    </message>
    <message>
        <source>The whole country</source>
        <translation>Todo el país</translation>
    </message>
    <message>
        <source>County</source>
        <translation>Condado</translation>
    </message>
    <message>
        <source>Towns (with commas)</source>
        <translation>Pueblos (con comas)</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Hours unknown</source>
        <translation>Horario desconocido</translation>
    </message>
    <message>
        <source>Open 24/7</source>
        <translation>Abierto 24/7</translation>
    </message>
    <message>
        <source>Set the hours of each day</source>
        <translation>Horario de cada día</translation>
    </message>
    <message>
        <source>Closed, or 09:00-17:00</source>
        <translation>Cerrado, o 09:00-17:00</translation>
    </message>
    <message>
        <source>Note about hours</source>
        <translation>Nota sobre el horario</translation>
    </message>
    <message>
        <source>Cost, access and languages</source>
        <translation>Costo, acceso e idiomas</translation>
    </message>
    <message>
        <source>Languages spoken (en, es, ...)</source>
        <translation>Idiomas que se hablan (en, es, ...)</translation>
    </message>
    <message>
        <source>Extra search words (with commas)</source>
        <translation>Más palabras de búsqueda (con comas)</translation>
    </message>
    <message>
        <source>Who can use it</source>
        <translation>Quién puede usarlo</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Priority (higher shows first)</source>
        <translation>Prioridad (mayor sale primero)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Sources and notes for staff</source>
        <translation>Fuentes y notas para el personal</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>Agregar fuente</translation>
    </message>
    <message>
        <source>Remove this source</source>
        <translation>Quitar esta fuente</translation>
    </message>
    <message>
        <source>Notes for staff</source>
        <translation>Notas para el personal</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>Editar: %1</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Nueva entrada</translation>
    </message>
    <message>
        <source>Last checked %1 by %2</source>
        <translation>Última revisión: %1, por %2</translation>
    </message>
    <message>
        <source>Never checked.</source>
        <translation>Nunca revisada.</translation>
    </message>
    <message>
        <source>Nothing was saved. Fix the field marked in red.</source>
        <translation>No se guardó nada. Corrija el campo marcado en rojo.</translation>
    </message>
    <message>
        <source>Nothing was saved. Fix the %1 fields marked in red.</source>
        <translation>No se guardó nada. Corrija los %1 campos marcados en rojo.</translation>
    </message>
    <message>
        <source>Another entry already has this id.</source>
        <translation>Otra entrada ya tiene este id.</translation>
    </message>
    <message>
        <source>Checked today, next</source>
        <translation>Revisada hoy, siguiente</translation>
    </message>
    <message>
        <source>Saved and marked as checked today.</source>
        <translation>Guardada y marcada como revisada hoy.</translation>
    </message>
</context>
<context>
    <name>ResourceScreen</name>
    <message>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <source>Call, day or night</source>
        <translation>Llame, de día o de noche</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>TTY</source>
        <translation>TTY</translation>
    </message>
    <message>
        <source>QR code for %1</source>
        <translation>Código QR para %1</translation>
    </message>
    <message>
        <source>Scan with your phone camera to save or call this number.</source>
        <translation>Escanee con la cámara de su teléfono para guardar o llamar a este número.</translation>
    </message>
    <message>
        <source>ext. %1</source>
        <translation>ext. %1</translation>
    </message>
    <message>
        <source>Text %1 to %2</source>
        <translation>Envíe %1 al %2</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Abierto ahora</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>Open 24 hours, every day</source>
        <translation>Abierto las 24 horas, todos los días</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Hoy: %1</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Statewide</source>
        <translation>En todo el estado</translation>
    </message>
    <message>
        <source>Nationwide</source>
        <translation>En todo el país</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Gratis</translation>
    </message>
    <message>
        <source>Pay what you can</source>
        <translation>Pague lo que pueda</translation>
    </message>
    <message>
        <source>Insurance accepted</source>
        <translation>Aceptan seguro médico</translation>
    </message>
    <message>
        <source>There is a fee</source>
        <translation>Hay un costo</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Walk in, no appointment needed</source>
        <translation>Puede llegar sin cita</translation>
    </message>
    <message>
        <source>By appointment</source>
        <translation>Con cita</translation>
    </message>
    <message>
        <source>Call first</source>
        <translation>Llame antes de ir</translation>
    </message>
    <message>
        <source>They can come to you</source>
        <translation>Pueden ir a donde usted esté</translation>
    </message>
    <message>
        <source>How to go</source>
        <translation>Cómo ir</translation>
    </message>
    <message>
        <source>This information is only in English.</source>
        <translation>Esta información solo está en inglés.</translation>
    </message>
    <message>
        <source>Who can go</source>
        <translation>Quién puede ir</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Qué ofrecen</translation>
    </message>
    <message>
        <source>Added to my handout ✓</source>
        <translation>Agregado a mi hoja ✓</translation>
    </message>
    <message>
        <source>Add to my handout</source>
        <translation>Agregar a mi hoja</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <source>Statewide</source>
        <translation>En todo el estado</translation>
    </message>
    <message>
        <source>Type a word: clinic, food, shelter, lawyer…</source>
        <translation>Escriba una palabra: clínica, comida, refugio, abogado…</translation>
    </message>
    <message>
        <source>Nothing found. Try one of these:</source>
        <translation>No encontramos nada. Pruebe una de estas opciones:</translation>
    </message>
    <message>
        <source>Call or text now. These lines can help right away.</source>
        <translation>Llame o envíe un texto ahora. Estas líneas pueden ayudarle enseguida.</translation>
    </message>
    <message>
        <source>Results for “%1”</source>
        <translation>Resultados para «%1»</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 resultado</translation>
    </message>
    <message>
        <source>%1 results</source>
        <translation>%1 resultados</translation>
    </message>
    <message>
        <source>About the results</source>
        <translation>Sobre los resultados</translation>
    </message>
    <message>
        <source>Information: %1</source>
        <translation>Información: %1</translation>
    </message>
    <message>
        <source>Did you mean: %1?</source>
        <translation>¿Quiso decir: %1?</translation>
    </message>
    <message>
        <source>Help right now: %1</source>
        <translation>Ayuda ahora mismo: %1</translation>
    </message>
    <message>
        <source>See: %1</source>
        <translation>Ver: %1</translation>
    </message>
    <message>
        <source>Hide keyboard</source>
        <translation>Ocultar teclado</translation>
    </message>
    <message>
        <source>Show keyboard</source>
        <translation>Mostrar teclado</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>Palabras de búsqueda</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar todo</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Name of this place (printed on sheets)</source>
        <translation>Nombre de este lugar (sale en las hojas)</translation>
    </message>
    <message>
        <source>Town of this kiosk (for &quot;near this kiosk&quot;)</source>
        <translation>Pueblo de este quiosco (para &quot;cerca de este quiosco&quot;)</translation>
    </message>
    <message>
        <source>Language at the start</source>
        <translation>Idioma al empezar</translation>
    </message>
    <message>
        <source>Seconds untouched before the kiosk starts over</source>
        <translation>Segundos sin uso antes de que el quiosco empiece de nuevo</translation>
    </message>
    <message>
        <source>Days before an entry needs checking again</source>
        <translation>Días antes de que una entrada necesite otra revisión</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>Imprimir página de prueba</translation>
    </message>
    <message>
        <source>Print discreet sheets unless the visitor chooses otherwise</source>
        <translation>Imprimir hojas discretas salvo que el visitante elija otra cosa</translation>
    </message>
    <message>
        <source>Start in high contrast</source>
        <translation>Empezar en alto contraste</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar ajustes</translation>
    </message>
    <message>
        <source>This kiosk</source>
        <translation>Este quiosco</translation>
    </message>
    <message>
        <source>Each visit starts with</source>
        <translation>Cada visita empieza con</translation>
    </message>
    <message>
        <source>Text size at the start</source>
        <translation>Tamaño del texto al empezar</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Muy grande</translation>
    </message>
    <message>
        <source>Seconds to answer &quot;Are you still there?&quot;</source>
        <translation>Segundos para responder &quot;¿Sigue ahí?&quot;</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Impresión</translation>
    </message>
    <message>
        <source>Checking entries</source>
        <translation>Revisión de entradas</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <source>Change the PIN</source>
        <translation>Cambiar el PIN</translation>
    </message>
    <message>
        <source>Is this kiosk ready for visitors?</source>
        <translation>¿Está este quiosco listo para los visitantes?</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Cerrar el quiosco</translation>
    </message>
    <message>
        <source>This closes the kiosk program on this computer. Visitors cannot use it until it is started again.</source>
        <translation>Esto cierra el programa del quiosco en esta computadora. Los visitantes no podrán usarlo hasta que se abra de nuevo.</translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation>Salir del quiosco</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Sin impresora</translation>
    </message>
    <message>
        <source>Write the town this kiosk is in.</source>
        <translation>Escriba el pueblo donde está este quiosco.</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>No se guardó nada.</translation>
    </message>
    <message>
        <source>Saved. The idle times count from now; the language, text size and contrast apply from the next visitor.</source>
        <translation>Se guardó. Los tiempos sin uso cuentan desde ahora; el idioma, el tamaño del texto y el contraste, desde el próximo visitante.</translation>
    </message>
    <message>
        <source>Choose a printer first.</source>
        <translation>Primero elija una impresora.</translation>
    </message>
    <message>
        <source>The test page could not be printed: %1</source>
        <translation>No se pudo imprimir la página de prueba: %1</translation>
    </message>
    <message>
        <source>A test page was sent to %1.</source>
        <translation>Se envió una página de prueba a %1.</translation>
    </message>
    <message>
        <source>The PIN was changed.</source>
        <translation>Se cambió el PIN.</translation>
    </message>
    <message>
        <source>Tap again to close the kiosk</source>
        <translation>Toque otra vez para cerrar</translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <source>MMMM d, yyyy</source>
        <translation>d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Gratis</translation>
    </message>
    <message>
        <source>Sliding-scale fees</source>
        <translation>Costo según sus ingresos</translation>
    </message>
    <message>
        <source>Takes insurance</source>
        <translation>Acepta seguro médico</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Con costo</translation>
    </message>
    <message>
        <source>Walk in</source>
        <translation>Sin cita</translation>
    </message>
    <message>
        <source>By appointment</source>
        <translation>Con cita</translation>
    </message>
    <message>
        <source>Call first</source>
        <translation>Llame antes de ir</translation>
    </message>
    <message>
        <source>Outreach</source>
        <translation>Visitas en la comunidad</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>portugués</translation>
    </message>
    <message>
        <source>French</source>
        <translation>francés</translation>
    </message>
    <message>
        <source>Haitian Creole</source>
        <translation>criollo haitiano</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>polaco</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>chino</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>árabe</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>vietnamita</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>ruso</translation>
    </message>
    <message>
        <source>American Sign Language</source>
        <translation>lengua de señas americana</translation>
    </message>
    <message>
        <source>Community resources</source>
        <translation>Recursos de la comunidad</translation>
    </message>
    <message>
        <source>In danger now: call 911 · Free help 24/7: dial 2-1-1</source>
        <translation>En peligro ahora: llame al 911 · Ayuda gratis 24/7: marque 2-1-1</translation>
    </message>
    <message>
        <source>Help line</source>
        <translation>Línea de ayuda</translation>
    </message>
    <message>
        <source>Support service</source>
        <translation>Servicio de apoyo</translation>
    </message>
    <message>
        <source>ext.</source>
        <translation>ext.</translation>
    </message>
    <message>
        <source>24 hours a day</source>
        <translation>24 horas al día</translation>
    </message>
    <message>
        <source>TTY (deaf or hard of hearing)</source>
        <translation>TTY (personas sordas o con dificultad para oír)</translation>
    </message>
    <message>
        <source>Text %1 to %2</source>
        <translation>Envíe %1 al %2</translation>
    </message>
    <message>
        <source>Text %1</source>
        <translation>Envíe un texto al %1</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Horario:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Idiomas:</translation>
    </message>
    <message>
        <source>Checked by staff: %1</source>
        <translation>Verificado por el personal: %1</translation>
    </message>
    <message>
        <source>From a community directory (%1), not yet checked</source>
        <translation>De un directorio de la comunidad (%1), aún sin verificar</translation>
    </message>
    <message>
        <source>Scan to text</source>
        <translation>Escanee para enviar un texto</translation>
    </message>
    <message>
        <source>Scan to call</source>
        <translation>Escanee para llamar</translation>
    </message>
    <message>
        <source>Places that can help</source>
        <translation>Lugares que pueden ayudar</translation>
    </message>
    <message>
        <source>More services</source>
        <translation>Más servicios</translation>
    </message>
    <message>
        <source>AM</source>
        <translation>a. m.</translation>
    </message>
    <message>
        <source>PM</source>
        <translation>p. m.</translation>
    </message>
    <message>
        <source>Open 24 hours, every day</source>
        <translation>Abierto las 24 horas, todos los días</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Checked by staff: %1 (%2)</source>
        <translation>Verificado por el personal: %1 (%2)</translation>
    </message>
    <message>
        <source>From an official web page, read %1</source>
        <translation>De una página web oficial, leída el %1</translation>
    </message>
    <message>
        <source>From an article only, not yet checked</source>
        <translation>Solo de un artículo, aún sin verificar</translation>
    </message>
    <message>
        <source>No phone listed: dial 2-1-1 and ask how to reach them</source>
        <translation>Sin teléfono: marque 2-1-1 y pregunte cómo comunicarse</translation>
    </message>
    <message>
        <source>No phone listed: their outreach workers come to you</source>
        <translation>Sin teléfono: su equipo de alcance va adonde usted esté</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <source>Source (file, web page, phone call)</source>
        <translation>Fuente (archivo, página web, llamada)</translation>
    </message>
    <message>
        <source>Day read</source>
        <translation>Día de lectura</translation>
    </message>
    <message>
        <source>Which facts</source>
        <translation>Qué datos</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>SpeakerSection</name>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Read aloud volume</source>
        <translation>Volumen de la lectura en voz alta</translation>
    </message>
    <message>
        <source>Test the speaker</source>
        <translation>Probar la bocina</translation>
    </message>
    <message>
        <source>Read aloud is off: this screen has no speech engine.</source>
        <translation>La lectura en voz alta está apagada: esta pantalla no tiene motor de voz.</translation>
    </message>
    <message>
        <source>Read aloud is off.</source>
        <translation>La lectura en voz alta está apagada.</translation>
    </message>
    <message>
        <source>Visitors can have any place or topic read to them, in English or Spanish.</source>
        <translation>Los visitantes pueden escuchar cualquier lugar o tema, en inglés o en español.</translation>
    </message>
    <message>
        <source>Read aloud volume saved: %1%.</source>
        <translation>Volumen de la lectura en voz alta guardado: %1%.</translation>
    </message>
    <message>
        <source>Playing a test, in English and then in Spanish.</source>
        <translation>Sonando una prueba, en inglés y luego en español.</translation>
    </message>
    <message>
        <source>The test has ended. If you heard nothing, check that the speaker is on and plugged in.</source>
        <translation>La prueba terminó. Si no oyó nada, revise que la bocina esté encendida y conectada.</translation>
    </message>
</context>
<context>
    <name>Speech</name>
    <message>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <source>Call, day or night</source>
        <translation>Llame, de día o de noche</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>TTY</source>
        <translation>T.T.Y</translation>
    </message>
    <message>
        <source>free</source>
        <translation>gratis</translation>
    </message>
    <message>
        <source>pay what you can</source>
        <translation>pague lo que pueda</translation>
    </message>
    <message>
        <source>insurance accepted</source>
        <translation>aceptan seguro médico</translation>
    </message>
    <message>
        <source>there is a fee</source>
        <translation>hay un costo</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>walk in, no appointment needed</source>
        <translation>puede llegar sin cita</translation>
    </message>
    <message>
        <source>by appointment</source>
        <translation>con cita</translation>
    </message>
    <message>
        <source>call first</source>
        <translation>llame antes de ir</translation>
    </message>
    <message>
        <source>they can come to you</source>
        <translation>pueden ir a donde usted esté</translation>
    </message>
    <message>
        <source>Text %1 to %2</source>
        <translation>Envíe %1 al %2</translation>
    </message>
    <message>
        <source>Run by %1.</source>
        <translation>A cargo de %1.</translation>
    </message>
    <message>
        <source>Who can go:</source>
        <translation>Quién puede ir:</translation>
    </message>
    <message>
        <source>Cost: %1.</source>
        <translation>Costo: %1.</translation>
    </message>
    <message>
        <source>Languages: %1.</source>
        <translation>Idiomas: %1.</translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation>Privacidad:</translation>
    </message>
    <message>
        <source>No phone number yet. Ask staff how to reach them.</source>
        <translation>Todavía no hay número de teléfono. Pregunte al personal cómo comunicarse.</translation>
    </message>
    <message>
        <source>Address: %1.</source>
        <translation>Dirección: %1.</translation>
    </message>
    <message>
        <source>They serve all of Connecticut.</source>
        <translation>Atienden en todo Connecticut.</translation>
    </message>
    <message>
        <source>They serve the whole country.</source>
        <translation>Atienden en todo el país.</translation>
    </message>
    <message>
        <source>How to go: %1.</source>
        <translation>Cómo ir: %1.</translation>
    </message>
    <message>
        <source>Open now. Open 24 hours, every day.</source>
        <translation>Abierto ahora. Abierto las 24 horas, todos los días.</translation>
    </message>
    <message>
        <source>Open now.</source>
        <translation>Abierto ahora.</translation>
    </message>
    <message>
        <source>Closed now.</source>
        <translation>Cerrado ahora.</translation>
    </message>
    <message>
        <source>Today: %1.</source>
        <translation>Hoy: %1.</translation>
    </message>
    <message>
        <source>Hours: %1.</source>
        <translation>Horario: %1.</translation>
    </message>
    <message>
        <source>Last checked by staff: %1.</source>
        <translation>Revisado por el personal: %1.</translation>
    </message>
    <message>
        <source>Not yet checked by staff: call first.</source>
        <translation>Aún no revisado por el personal: llame antes de ir.</translation>
    </message>
    <message>
        <source>Places that can help:</source>
        <translation>Lugares que pueden ayudar:</translation>
    </message>
    <message>
        <source>Help right now.</source>
        <translation>Ayuda ahora mismo.</translation>
    </message>
    <message>
        <source>Free and private. Someone will answer, day and night.</source>
        <translation>Gratis y privado. Alguien le contestará, de día y de noche.</translation>
    </message>
    <message>
        <source>Emergency: %1.</source>
        <translation>Emergencias: %1.</translation>
    </message>
</context>
<context>
    <name>StaffKeyboard</name>
    <message>
        <source>Capitals</source>
        <translation>Mayúsculas</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Nueva línea</translation>
    </message>
    <message>
        <source>Hide keyboard</source>
        <translation>Ocultar teclado</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>ABC: letters</source>
        <translation>ABC: letras</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <source>Less: %1</source>
        <translation>Menos: %1</translation>
    </message>
    <message>
        <source>More: %1</source>
        <translation>Más: %1</translation>
    </message>
</context>
<context>
    <name>StillThereDialog</name>
    <message>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation>Sí, sigo aquí</translation>
    </message>
    <message>
        <source>Starting over in 1 second.</source>
        <translation>Empezamos de nuevo en 1 segundo.</translation>
    </message>
    <message>
        <source>Starting over in %1 seconds.</source>
        <translation>Empezamos de nuevo en %1 segundos.</translation>
    </message>
</context>
<context>
    <name>TopicScreen</name>
    <message>
        <source>Places that can help</source>
        <translation>Lugares que pueden ayudar</translation>
    </message>
</context>
<context>
    <name>TopicsPage</name>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>Nuevo tema</translation>
    </message>
    <message>
        <source>Checked today</source>
        <translation>Revisado hoy</translation>
    </message>
    <message>
        <source>Id (short, never changes)</source>
        <translation>Id (corto, nunca cambia)</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>Título (inglés)</translation>
    </message>
    <message>
        <source>Title (Spanish)</source>
        <translation>Título (español)</translation>
    </message>
    <message>
        <source>One line under the title (English)</source>
        <translation>Una línea bajo el título (inglés)</translation>
    </message>
    <message>
        <source>One line under the title (Spanish)</source>
        <translation>Una línea bajo el título (español)</translation>
    </message>
    <message>
        <source>Text: a blank line starts a new paragraph; a line starting with &quot;- &quot; is a list item.</source>
        <translation>Texto: una línea en blanco empieza un párrafo nuevo; una línea que empieza con &quot;- &quot; es un punto de lista.</translation>
    </message>
    <message>
        <source>Text (English)</source>
        <translation>Texto (inglés)</translation>
    </message>
    <message>
        <source>Text (Spanish)</source>
        <translation>Texto (español)</translation>
    </message>
    <message>
        <source>Related entries: their ids, with commas</source>
        <translation>Entradas relacionadas: sus id, con comas</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Leave its title off discreet sheets</source>
        <translation>No poner su título en hojas discretas</translation>
    </message>
    <message>
        <source>Shown on these category screens</source>
        <translation>Se muestra en estas categorías</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>Agregar fuente</translation>
    </message>
    <message>
        <source>Notes for staff</source>
        <translation>Notas para el personal</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>Tema: %1</translation>
    </message>
    <message>
        <source>Last checked %1 by %2</source>
        <translation>Última revisión: %1, por %2</translation>
    </message>
    <message>
        <source>Never checked.</source>
        <translation>Nunca revisado.</translation>
    </message>
    <message>
        <source>Another topic has this id.</source>
        <translation>Otro tema ya tiene este id.</translation>
    </message>
    <message>
        <source>Saved and marked as checked today.</source>
        <translation>Guardado y marcado como revisado hoy.</translation>
    </message>
</context>
<context>
    <name>TrustWords</name>
    <message>
        <source>Last checked by staff: %1 (%2)</source>
        <translation>Revisado por el personal: %1 (%2)</translation>
    </message>
    <message>
        <source>Last checked by staff: %1</source>
        <translation>Revisado por el personal: %1</translation>
    </message>
    <message>
        <source>From an official web page, read on %1. Not yet checked by staff: call first.</source>
        <translation>De una página web oficial, leída el %1. Aún no revisado por el personal: llame antes de ir.</translation>
    </message>
    <message>
        <source>From an official web page, read on %1. Not yet checked by staff.</source>
        <translation>De una página web oficial, leída el %1. Aún no revisado por el personal.</translation>
    </message>
    <message>
        <source>From a community directory (%1). Not yet checked by staff: call first.</source>
        <translation>De un directorio de la comunidad (%1). Aún no revisado por el personal: llame antes de ir.</translation>
    </message>
    <message>
        <source>From a community directory (%1). Not yet checked by staff.</source>
        <translation>De un directorio de la comunidad (%1). Aún no revisado por el personal.</translation>
    </message>
    <message>
        <source>From an article only. Not yet checked by staff: call first.</source>
        <translation>Solo de un artículo. Aún no revisado por el personal: llame antes de ir.</translation>
    </message>
    <message>
        <source>From an article only. Not yet checked by staff.</source>
        <translation>Solo de un artículo. Aún no revisado por el personal.</translation>
    </message>
    <message>
        <source>No phone number listed. You can go to the address below.</source>
        <translation>No hay número de teléfono. Puede ir a la dirección de abajo.</translation>
    </message>
    <message>
        <source>No phone number listed. Their outreach workers come to where people are.</source>
        <translation>No hay número de teléfono. Su equipo de alcance va adonde está la gente.</translation>
    </message>
    <message>
        <source>No phone number listed. Ask staff here, or dial 2-1-1, how to reach them.</source>
        <translation>No hay número de teléfono. Pregunte a nuestro personal, o marque 2-1-1, cómo comunicarse.</translation>
    </message>
</context>
<context>
    <name>UsageModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Veces</translation>
    </message>
</context>
<context>
    <name>UsagePage</name>
    <message>
        <source>How often each thing was looked at or printed. The kiosk keeps only these daily totals: nothing about any visitor or visit.</source>
        <translation>Cuántas veces se vio o imprimió cada cosa. El quiosco solo guarda estos totales por día: nada sobre ningún visitante ni visita.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Por día</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Por mes</translation>
    </message>
    <message>
        <source>Save as CSV on the USB stick</source>
        <translation>Guardar como CSV en la memoria USB</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Uso</translation>
    </message>
    <message>
        <source>Category screens opened: %1. Entries opened: %2. Topics read: %3. Sheets printed: %4.</source>
        <translation>Categorías abiertas: %1. Entradas abiertas: %2. Temas leídos: %3. Hojas impresas: %4.</translation>
    </message>
    <message>
        <source>No USB stick was found. Plug one in, then save again.</source>
        <translation>No se encontró ninguna memoria USB. Conecte una y guarde otra vez.</translation>
    </message>
    <message>
        <source>Could not write to %1: %2</source>
        <translation>No se pudo escribir en %1: %2</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Guardado como %1</translation>
    </message>
</context>
<context>
    <name>UsageReport</name>
    <message>
        <source>category viewed</source>
        <translation>categoría vista</translation>
    </message>
    <message>
        <source>entry viewed</source>
        <translation>entrada vista</translation>
    </message>
    <message>
        <source>topic viewed</source>
        <translation>tema visto</translation>
    </message>
    <message>
        <source>sheet printed</source>
        <translation>hoja impresa</translation>
    </message>
</context>
<context>
    <name>WhoPage</name>
    <message>
        <source>Who is working? Your name or initials</source>
        <translation>¿Quién está trabajando? Su nombre o iniciales</translation>
    </message>
    <message>
        <source>They are saved with each change you make, so others know who checked what.</source>
        <translation>Se guardan con cada cambio que haga, para que otros sepan quién revisó qué.</translation>
    </message>
    <message>
        <source>Your name or initials</source>
        <translation>Su nombre o iniciales</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Write your name or initials.</source>
        <translation>Escriba su nombre o iniciales.</translation>
    </message>
</context>
<context>
    <name>WorkQueue</name>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>%1: staff wrote %2; the feed now says %3</source>
        <translation>%1: el personal escribió %2; la fuente ahora dice %3</translation>
    </message>
    <message>
        <source>%1: %2 [%3] from %4</source>
        <translation>%1: %2 [%3] de %4</translation>
    </message>
    <message>
        <source>from %1: in no category yet, so visitors find it only by searching</source>
        <translation>de %1: todavía sin categoría, así que los visitantes solo la encuentran buscando</translation>
    </message>
    <message>
        <source>from %1: the text is in English only; viewed once</source>
        <translation>de %1: el texto solo está en inglés; vista una vez</translation>
    </message>
    <message>
        <source>from %1: the text is in English only; viewed %2 times</source>
        <translation>de %1: el texto solo está en inglés; vista %2 veces</translation>
    </message>
    <message>
        <source>same phone number %1</source>
        <translation>el mismo número de teléfono %1</translation>
    </message>
    <message>
        <source>similar name in %1</source>
        <translation>un nombre parecido en %1</translation>
    </message>
    <message>
        <source>Last checked %1, %2 days ago</source>
        <translation>Última revisión: %1, hace %2 días</translation>
    </message>
    <message>
        <source>Never checked since it was added</source>
        <translation>Nunca revisada desde que se agregó</translation>
    </message>
    <message>
        <source>No phone, web address, email or street: visitors have no way to reach it</source>
        <translation>Sin teléfono, dirección web, correo ni calle: los visitantes no tienen cómo contactarla</translation>
    </message>
    <message>
        <source>Its text is in English only</source>
        <translation>Su texto está solo en inglés</translation>
    </message>
    <message>
        <source>the kiosk&apos;s own directory</source>
        <translation>el directorio propio del quiosco</translation>
    </message>
    <message>
        <source>an entry staff made</source>
        <translation>una entrada hecha por el personal</translation>
    </message>
    <message>
        <source>%1: %2, from %3</source>
        <translation>%1: %2, de %3</translation>
    </message>
</context>
<context>
    <name>WorkQueuePage</name>
    <message>
        <source>Reported wrong</source>
        <translation>Con errores informados</translation>
    </message>
    <message>
        <source>Past due</source>
        <translation>Revisión vencida</translation>
    </message>
    <message>
        <source>Never checked</source>
        <translation>Nunca revisadas</translation>
    </message>
    <message>
        <source>No way to reach</source>
        <translation>Sin forma de contacto</translation>
    </message>
    <message>
        <source>From an import</source>
        <translation>De una importación</translation>
    </message>
    <message>
        <source>English only</source>
        <translation>Solo en inglés</translation>
    </message>
    <message>
        <source>What to check next</source>
        <translation>Qué revisar ahora</translation>
    </message>
    <message>
        <source>Start with the first</source>
        <translation>Empezar por la primera</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Nothing to check: every entry is checked, reachable and in both languages.</source>
        <translation>No hay nada que revisar: todas las entradas están revisadas, tienen forma de contacto y están en los dos idiomas.</translation>
    </message>
    <message>
        <source>Checking an entry takes it off the list.</source>
        <translation>Al revisar una entrada, sale de la lista.</translation>
    </message>
    <message>
        <source>Open the entry</source>
        <translation>Abrir la entrada</translation>
    </message>
    <message>
        <source>Take the feed&apos;s</source>
        <translation>Tomar el de la fuente</translation>
    </message>
    <message>
        <source>Keep ours</source>
        <translation>Dejar el nuestro</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Dejar esta</translation>
    </message>
    <message>
        <source>Keep the other</source>
        <translation>Dejar la otra</translation>
    </message>
    <message>
        <source>Different places</source>
        <translation>Son lugares distintos</translation>
    </message>
    <message>
        <source>Settled: %1.</source>
        <translation>Resuelto: %1.</translation>
    </message>
</context>
</TS>

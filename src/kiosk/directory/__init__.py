"""The directory core: data model, files, database and search. Free of Qt by design."""

"""trafiklex: the domain code of the anti-trafficking legal corpus (loading, validation, queries,
rendering). Plain Python: MkDocs, the PDF build, the scripts and the tests all call it."""
LANGUAGES = ("sq", "en")

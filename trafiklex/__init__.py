"""trafiklex: the domain code of the anti-trafficking legal corpus (loading, validation, the edition
model, queries, rendering). Plain Python: MkDocs, the PDF build, the scripts and the tests all call it.
The languages of the edition are data (data/languages.yml, `corpus.languages`), never named here."""

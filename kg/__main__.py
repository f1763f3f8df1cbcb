from kg.cli.commands import app

app(prog_name="kg")

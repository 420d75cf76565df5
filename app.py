from cshire import create_app

app = create_app()

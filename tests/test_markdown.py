"""Markdown written by managers becomes safe HTML (cshire/markdown.py)."""

from cshire.markdown import render_markdown


def test_markdown_renders_emphasis_lists_links_and_tables():
    html = str(render_markdown(
        "## Setup\n\nUse **the wizard**:\n\n- one\n- two\n\n[Help](https://help.example.com)"
        "\n\n| a | b |\n|---|---|\n| 1 | 2 |"))
    assert "<h2>Setup</h2>" in html
    assert "<strong>the wizard</strong>" in html
    assert "<li>one</li>" in html
    assert 'href="https://help.example.com"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert "<td>1</td>" in html


def test_scripts_event_handlers_and_javascript_links_never_reach_the_page():
    html = str(render_markdown(
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
        "[click](javascript:alert(1))\n\n<a href='javascript:alert(2)'>x</a>"))
    # Raw HTML is shown as text, never as markup.
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<img" not in html
    assert "<a " not in html


def test_nothing_renders_as_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""

"""readability-lxml: reads file paths from standard input, one a line, and writes one JSON line
per file (title, text length, or the error), as a peer of newsarchive for scripts/bench-peers.
Each file is made the HTML page readability expects, as a user would: a Jekyll post's front
matter is cut off, and a body that is not a whole page is wrapped in one. A whole saved page is given
as its bytes, so that readability decodes it as it would."""
import json
import re
import sys

import lxml.html
from readability import Document

WHOLE_PAGE = re.compile(r'<html[\s>]', re.I)
WHOLE_PAGE_BYTES = re.compile(rb'<html[\s>]', re.I)


def page(text):
    if text.startswith('---'):
        end = text.find('\n---', 3)
        if end >= 0:
            text = text[text.find('\n', end + 1) + 1:]
    if WHOLE_PAGE.search(text):
        return text
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{text}</body></html>'


for path in sys.stdin.read().split('\n'):
    if not path:
        continue
    try:
        with open(path, 'rb') as source:
            data = source.read()
        if not data.startswith(b'---') and WHOLE_PAGE_BYTES.search(data[:4096]):
            document = Document(data)
        else:
            document = Document(page(data.decode('utf-8')))
        summary = document.summary()
        text = lxml.html.fromstring(summary).text_content() if summary.strip() else ''
        line = {'path': path, 'title': document.title(), 'text_length': len(text)}
    except Exception as error:  # a peer's failure on one file is counted, not fatal
        line = {'path': path, 'error': str(error)}
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + '\n')

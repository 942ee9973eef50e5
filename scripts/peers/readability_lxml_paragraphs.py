"""readability-lxml as a peer in scripts/score-pages: reads file paths from standard input, one a line,
and writes one JSON line per file with its title and its article's paragraphs (the text of each block
element of readability's summary), the shape the page scorers read. Gzip files are unpacked; the
bytes are given to readability as they are, so it decodes them as it would."""
import gzip
import json
import sys

import lxml.html
from readability import Document

BLOCKS = {'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'td', 'th', 'dd', 'dt', 'figcaption', 'section', 'article'}


def paragraphs(summary):
    root = lxml.html.fromstring(summary)
    out = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in BLOCKS:
            continue
        # The text of the block itself, not of the blocks inside it.
        parts = [element.text or '']
        for child in element:
            if isinstance(child.tag, str) and child.tag in BLOCKS:
                parts.append('\n')
            elif isinstance(child.tag, str) and child.tag == 'br':
                parts.append('\n')
            else:
                parts.append(child.text_content())
            parts.append(child.tail or '')
        for piece in ''.join(parts).split('\n'):
            text = ' '.join(piece.split())
            if text:
                out.append(text)
    return out


for path in sys.stdin.read().split('\n'):
    if not path:
        continue
    try:
        with open(path, 'rb') as source:
            data = source.read()
        if data[:2] == b'\x1f\x8b':
            data = gzip.decompress(data)
        document = Document(data)
        summary = document.summary(html_partial=True)
        found = paragraphs(summary) if summary.strip() else []
        line = {'path': path, 'title': document.short_title(), 'paragraphs': found, 'text': '\n'.join(found)}
    except Exception as error:  # a peer's failure on one file is counted, not fatal
        line = {'path': path, 'error': str(error)}
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + '\n')

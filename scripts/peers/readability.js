// Mozilla Readability on linkedom's DOM: reads file paths from standard input, one a line, and
// writes one JSON line per file (title, text length, or the error), as a peer of newsarchive for
// scripts/bench-peers. Each file is made the HTML page Readability expects, as a user would: a
// Jekyll post's front matter is cut off, and a body that is not a whole page is wrapped in one.
const fs = require('fs');
const { parseHTML } = require('linkedom');
const { Readability } = require('@mozilla/readability');

function page(text) {
  if (text.startsWith('---')) {
    const end = text.indexOf('\n---', 3);
    if (end >= 0) {
      text = text.slice(text.indexOf('\n', end + 1) + 1);
    }
  }
  return /<html[\s>]/i.test(text) ? text : `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${text}</body></html>`;
}

const paths = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
for (const path of paths) {
  let line;
  try {
    const { document } = parseHTML(page(fs.readFileSync(path, 'utf8')));
    const article = new Readability(document).parse();
    line = { path, title: article ? article.title : null, text_length: article ? article.textContent.length : 0 };
  } catch (error) {
    line = { path, error: String(error) };
  }
  fs.writeSync(1, JSON.stringify(line) + '\n');
}

"""What the benchmark scripts share: synthetic archives built from real files, and the command as
a user installs it."""
import os, re, shutil, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
URL_LINE = re.compile(r'^(from|link):.*$', re.M)
LONG_NUMBER = re.compile(r'\d{6,}')
TITLE_LINE = re.compile(r'^title:.*$', re.M)
UDN_BYLINE = re.compile(r'(報導|電)(\s+\S+)*\s*$')


def pool(folders=('samples', '../shared/corpus/jekyll', '../shared/corpus/udn-text')):
    files = []
    for folder in folders:
        path = os.path.normpath(os.path.join(ROOT, folder))
        if os.path.isdir(path):
            files += [os.path.join(path, f) for f in sorted(os.listdir(path)) if not f.endswith('.md') or 'jekyll' in path]
    return [(f, open(f, encoding='utf-8').read()) for f in files if not f.endswith('README.md')]


def unique(text, n):
    """The same article under its own id: a new URL number, a numbered headline."""
    if text.startswith('---'):
        text = URL_LINE.sub(lambda m: LONG_NUMBER.sub(lambda d: str(n).zfill(len(d.group()))[-len(d.group()):] if len(str(n)) <= len(d.group()) else str(n), m.group(), count=1), text, count=1)
        return TITLE_LINE.sub(lambda m: m.group() + f' {n}' if not m.group().endswith('"') else m.group()[:-1] + f' {n}"', text, count=1)
    lines = text.split('\n')
    for i, line in enumerate(lines):
        if '／' in line and UDN_BYLINE.search(line) or re.match(r'^\d{4}/\d{2}/\d{2} ', line):
            j = i - 1
            while j > 0 and not lines[j].strip():
                j -= 1
            lines[j] = lines[j] + f' {n}'
            break
    return '\n'.join(lines)


def build(directory, count, sources):
    os.makedirs(directory, exist_ok=True)
    total = 0
    for n in range(count):
        folder = os.path.join(directory, f'{n // 1000:04d}')
        os.makedirs(folder, exist_ok=True)
        data = unique(sources[n % len(sources)][1], n).encode('utf-8')
        with open(os.path.join(folder, f'{n:07d}.txt'), 'wb') as out:
            out.write(data)
        total += len(data)
    return total


def archive_size(directory):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(directory) for f in fs)


def archive_files(directory):
    return sorted(os.path.join(d, f) for d, _, fs in os.walk(directory) for f in fs)


def installed_tool():
    """The newsarchive command as a user installs it: `dotnet tool install` from artifacts/packages
    (running scripts/pack first when there are no packages) into artifacts/tool/."""
    packages = os.path.join(ROOT, 'artifacts', 'packages')
    if not os.path.isdir(packages) or not any(f.startswith('newsarchive.') for f in os.listdir(packages)):
        subprocess.run([os.path.join(ROOT, 'scripts', 'pack')], check=True, stdout=subprocess.DEVNULL)
    tool_path = os.path.join(ROOT, 'artifacts', 'tool')
    shutil.rmtree(tool_path, ignore_errors=True)
    subprocess.run(['dotnet', 'tool', 'install', '--tool-path', tool_path, 'newsarchive', '--add-source', packages],
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(tool_path, 'newsarchive')

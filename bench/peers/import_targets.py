"""The peer a team would write: csv + sqlite3 executemany with an email regex, in one
transaction, into a table with the same unique index on email (duplicates ignored)."""
import csv, re, sqlite3, sys

path, db = sys.argv[1], sys.argv[2]
email = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
con = sqlite3.connect(db)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA synchronous=NORMAL")
con.execute("CREATE TABLE targets (company TEXT, contact TEXT, email TEXT, phone TEXT, website TEXT, status TEXT, created TEXT)")
con.execute("CREATE UNIQUE INDEX targets_email ON targets (email)")
bad = 0

def rows():
    global bad
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            if len(row) != 7 or not row[0] or not email.match(row[2]):
                bad += 1
                continue
            row[2] = row[2].lower()
            yield row

with con:
    con.executemany("INSERT OR IGNORE INTO targets VALUES (?, ?, ?, ?, ?, ?, ?)", rows())
print(con.execute("SELECT count(*) FROM targets").fetchone()[0], bad)

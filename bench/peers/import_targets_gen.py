"""Writes the import benchmark's CSV: N prospecting targets in 7 columns (~95 bytes a row), about
1 % of them bad: every 200th row has an email that is not one, every 200th (offset) repeats an
earlier row's email. Deterministic, so every run and every peer sees the same bytes."""
import sys

rows, path = int(sys.argv[1]), sys.argv[2]
statuses = ["new_target", "contacted", "engaged", "qualified"]
with open(path, "w", newline="") as out:
    out.write("Company,Contact,Email,Phone,Website,Status,Created\r\n")
    for i in range(1, rows + 1):
        email = f"i{i}@firm{i % 9973}.de"
        if i % 200 == 0:
            email = f"i{i}(at)firm{i % 9973}.de"
        elif i % 200 == 100:
            email = f"i{i - 50}@firm{(i - 50) % 9973}.de"
        company = f'"Company {i}, KG"' if i % 10 == 0 else f"Company {i}"
        out.write(f"{company},Name {i},{email},030 {1000000 + i},https://firm{i}.de,"
                  f"{statuses[i % 4]},2025-{1 + i % 12:02d}-{1 + i % 28:02d}\r\n")

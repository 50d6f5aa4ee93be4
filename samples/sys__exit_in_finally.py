import sys

try:
    print("work")
    raise SystemExit(4)
finally:
    print("finally still runs")

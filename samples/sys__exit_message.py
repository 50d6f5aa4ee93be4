import sys

print("checking configuration")
try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
config = {}
if "token" not in config:
    sys.exit("error: missing token")
print("unreachable")

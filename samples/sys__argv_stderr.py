import sys

print(sys.argv)
print(len(sys.argv), sys.argv[0].endswith(".py"))
print("this goes to stderr", file=sys.stderr)
sys.stderr.write("direct stderr write\n")
n = sys.stdout.write("direct stdout write\n")
print("wrote", n, "chars")
print(sys.version_info[:2] >= (3, 11), sys.version_info.major, sys.maxsize == 2 ** 63 - 1)
print(__name__, "__main__" in sys.modules)
sys.stdout.flush()

import sys


def main():
    print("doing work")
    if len(sys.argv) < 2:
        print("no input given", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    print("before exit")
    sys.exit(main())
    print("never printed")

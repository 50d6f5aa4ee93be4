def helper():
    return f"helper in module {__name__}"


def main():
    print("main() called")
    print(helper())


print("top-level code runs first;", "__name__ =", __name__)
if __name__ == "__main__":
    main()
else:
    print("imported, not run")

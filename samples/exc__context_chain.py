def cleanup():
    raise RuntimeError("cleanup failed")


def work():
    try:
        items = [1, 2, 3]
        return items[10]
    except IndexError:
        cleanup()


work()

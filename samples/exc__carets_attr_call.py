class Box:
    content = None


box = Box()
print("opening")
size = len(box.content.strip().lower())

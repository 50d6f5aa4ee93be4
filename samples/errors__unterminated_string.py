print("ok")
message = "hello world
print(message)

async def main():
    pass

async for x in main():
    print(x)

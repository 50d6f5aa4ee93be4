# seed 000 (ShurAI, "Async and Await"): "await can only go inside async def" (a SyntaxError)
# CORRECT — await is inside async def
async def good():
    await asyncio.sleep(1)

# WRONG — await outside async def → SyntaxError
def bad():
    await asyncio.sleep(1)   # SyntaxError!

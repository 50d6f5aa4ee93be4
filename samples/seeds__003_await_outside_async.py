# seed 003 ("async and await"): Common Mistakes 2. Using await Outside async Function
def main():
    result = await fetch_data()  # ❌ SyntaxError

async def main():
    result = await fetch_data()  # ✅ Must be inside async function

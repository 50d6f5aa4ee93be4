data = {"users": [{"name": "ann"}]}


def get_email(d):
    return d["users"][0]["email"]


print(get_email(data))

import datetime
d = datetime.datetime(2024, 3, 10, 14, 30)
print(repr(d), repr(datetime.date(2021, 7, 29)), repr(datetime.datetime.fromisoformat("2020-01-02")), datetime.datetime.now())
print(isinstance(d, datetime.datetime), d + datetime.timedelta(days=1))

import datetime
import time
from datetime import date, datetime as dt, timedelta

start = dt.now()
print(start, repr(start), start.year, start.isoformat())
print(date.today(), datetime.date.today().isoformat(), dt.utcnow())
time.sleep(3723.5)
later = datetime.datetime.now()
print(later, later - start, (later - start).total_seconds(), later.strftime("%H:%M:%S.%f"))
print(later + timedelta(days=1, hours=2), timedelta(minutes=90), timedelta(seconds=3661) * 2)
print(isinstance(later, dt), isinstance(later, date), dt(2024, 2, 29, 12, 30).strftime("%d/%m/%Y %H:%M"))
print(date(2024, 3, 1) - date(2024, 2, 1), date(2024, 1, 31).weekday(), dt.fromtimestamp(86400 * 365))

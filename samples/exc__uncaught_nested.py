class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount


def pay(account, amounts):
    for amount in amounts:
        account.withdraw(amount)
        print("paid", amount)


def main():
    acct = Account(100)
    pay(acct, [30, 50, 40])


if __name__ == "__main__":
    main()

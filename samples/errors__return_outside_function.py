print("script")
return 5

print("proctor")

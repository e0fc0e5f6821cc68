"""Every write to the review's records goes through these functions, inside a transaction,
with the acting user recorded in the history."""

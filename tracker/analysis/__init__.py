"""Daily series, correlations and warnings: pure functions of the data and `today`."""

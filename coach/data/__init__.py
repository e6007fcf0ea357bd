"""Dataset checks and baselines: `coach check-data` and `coach baseline`.

The public entry points are `coach.data.checks.check_data` and `coach.data.baseline.run_baseline`.
pandas is imported when a check runs; scikit-learn only on the paths that fit models (the
one-feature leak check and the baselines), so the router and the app can import this package
cheaply.
"""

"""gunicorn's configuration: `gunicorn -c config/gunicorn.py config.wsgi`.

Its own loggers go through the project's scrubbing handler from the start (before Django is
loaded), and no access log is written: an access line exists to record who asked.
"""

from config.log_scrub import logging_config

accesslog = None
logconfig_dict = logging_config()

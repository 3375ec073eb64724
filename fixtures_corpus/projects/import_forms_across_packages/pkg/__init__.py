from pkg.core import jobs
from pkg.core.jobs import run_job as run

__all__ = ["jobs", "run"]

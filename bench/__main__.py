"""`make bench`: run every benchmark and print its figures."""

from bench import extraction, ingest

if __name__ == "__main__":
    for module in (ingest, extraction):
        module.main()

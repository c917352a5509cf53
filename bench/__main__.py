"""`make bench`: run every benchmark and print its figures."""

from bench import analysis, extraction, ingest

if __name__ == "__main__":
    for module in (ingest, extraction, analysis):
        module.main()

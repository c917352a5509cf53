"""`make bench`: run every benchmark and print its figures."""

from bench import analysis, datasets, extraction, ingest, load

if __name__ == "__main__":
    for module in (ingest, extraction, analysis, datasets, load):
        module.main()

"""The modules a package provides where they are not named as the package is (``beautifulsoup4``
gives ``bs4``), as Pyodide's lock files list them (``imports``, 0.26.0a4, 0.28.2, 314.0.6, and 0.27.7 / 314.0.7:
the indexes pywrangler resolves a 3.12 / 3.14 Worker's packages against; of a dotted import, its top module):
how a failed ``import bs4`` is known for the declared ``beautifulsoup4``, which this environment
lacks. Regenerated and checked by ``tools/pyodide/import_names.py``."""

from __future__ import annotations

__all__ = ["PYODIDE_IMPORT_NAMES", "PYODIDE_SAME_NAMED"]

#: a package (PEP 503's form of its name) -> the top-level modules it provides
PYODIDE_IMPORT_NAMES: dict[str, tuple[str, ...]] = {
    'argon2-cffi': ('argon2',),
    'argon2-cffi-bindings': ('_argon2_cffi_bindings',),
    'arro3-compute': ('arro3',),
    'arro3-core': ('arro3',),
    'arro3-io': ('arro3',),
    'attrs': ('attr', 'attrs'),
    'audioop-lts': ('audioop',),
    'beautifulsoup4': ('bs4',),
    'biopython': ('Bio', 'BioSQL'),
    'cvxpy-base': ('cvxpy',),
    'dnspython': ('dns',),
    'lakers-python': ('lakers',),
    'matplotlib': ('matplotlib', 'mpl_toolkits', 'pylab'),
    'mypy': ('mypy', 'mypyc'),
    'mysqlclient': ('MySQLdb',),
    'opencv-python': ('cv2',),
    'phispy': ('PhiSpyModules', 'PhiSpyRepeatFinder'),
    'pillow': ('PIL',),
    'pplpy': ('ppl',),
    'protobuf': ('google',),
    'pycryptodome': ('Crypto',),
    'pyerfa': ('erfa',),
    'pygame-ce': ('pygame',),
    'pymongo': ('gridfs', 'pymongo'),
    'pymupdf': ('fitz', 'pymupdf'),
    'pynacl': ('nacl',),
    'pyodide-unix-timezones': ('unix_timezones',),
    'pyrsistent': ('_pyrsistent_version', 'pyrsistent'),
    'pyshp': ('shapefile',),
    'pytaglib': ('taglib',),
    'pytest': ('_pytest', 'pytest'),
    'python-dateutil': ('dateutil',),
    'python-flint': ('flint',),
    'python-flirt': ('flirt',),
    'python-magic': ('magic',),
    'python-sat': ('pysat',),
    'pywavelets': ('pywt',),
    'pyyaml': ('_yaml', 'yaml'),
    'rpds-py': ('rpds',),
    'ruamel-yaml': ('ruamel',),
    'scikit-image': ('skimage',),
    'scikit-learn': ('sklearn',),
    'screed': ('bigtests', 'screed'),
    'setuptools': ('_distutils_hack', 'pkg_resources', 'setuptools'),
    'sharedlib-test-py': ('sharedlib_test',),
    'sisl': ('sisl', 'sisl_toolbox'),
    'sympy': ('isympy', 'sympy'),
    'tiktoken': ('tiktoken', 'tiktoken_ext'),
    'toolz': ('tlz', 'toolz'),
    'zengl': ('_zengl', 'zengl'),
}

#: the packages whose one top-level module is named as the package is
PYODIDE_SAME_NAMED: frozenset[str] = frozenset("""
affine aiohappyeyeballs aiohttp aiosignal altair annotated-doc annotated-types anyio apsw asciitree astropy
astropy-iers-data asttokens async-timeout asyncpg atomicwrites autograd awkward-cpp b2d bcrypt bilby-cython
bitarray bitstring bleach blosc2 bokeh boost-histogram bottleneck brotli buffer-test cachetools cartopy
casadi cbor-diag certifi cffi cffi-example cftime charset-normalizer clarabel click cligj clingo cloudpickle
cmyt cobs colorspacious contourpy coolprop coverage cpp-exceptions-test2 cramjam crc32c crcmod cryptography
css-inline cssselect cycler cysignals cytoolz decorator demes deprecated deprecation diskcache distlib distro
docutils donfig duckdb ewah-bool-utils exceptiongroup executing fastapi fastparquet fiona fonttools
fpcast-test freesasa frozenlist fsspec future galpy gensim geopandas gmpy2 google-crc32c gsw h11 h3 h5py
healpy highspy html5lib httpcore httpx idna igraph imageio imgui-bundle iminuit iniconfig inspice ipython
jedi jinja2 jiter joblib jsonpatch jsonpointer jsonschema jsonschema-specifications kiwisolver lazy-loader
lazy-object-proxy libcst librt lightgbm logbook lxml lz4 markupsafe matplotlib-inline matplotlib-pyodide
memory-allocator micropip ml-dtypes mmh3 mne more-itertools mpmath msgpack msgspec msprime multidict munch
narwhals ndindex netcdf4 networkx newick nh3 nlopt nltk numcodecs numpy numpy-tests openai optlang orjson
osqp packaging pandas parso patsy pcodec peewee pi-heif pillow-heif pkgconfig platformdirs pluggy ply polars
primecountpy prompt-toolkit propcache psycopg psycopg-binary psycopg-c pure-eval py pyarrow pyclipper
pycparser pydantic pydantic-core pydoc-data pygments pyheif pyiceberg pyinstrument pyodide-http pyparsing
pyproj pyroaring pyrodigal pysam pytest-asyncio pytest-benchmark pytest-httpx python-calamine
python-solvespace pytz pyxel pyxirr rasterio rateslib rebound reboundx referencing regex requests retrying
rich river robotraconteur rust-abi-test rust-panic-test rustworkx safetensors scipy sentencepiece shapely
simplejson six smart-open sniffio sortedcontainers soundfile soupsieve sourmash soxr sparseqr sqlalchemy
stack-data starlette statsmodels strictyaml svgwrite swiglpk tblib termcolor texttable texture2ddecoder
threadpoolctl tomli tomli-w tqdm traitlets traits tree-sitter tree-sitter-go tree-sitter-java
tree-sitter-python tskit typing-extensions typing-inspection tzdata ujson uncertainties unyt urllib3
vega-datasets vrplib wcwidth webencodings wordcloud wrapt xarray xgboost xlrd xxhash xyzservices yarl yt zarr
zfpy zstandard
""".split())

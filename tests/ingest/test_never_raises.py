"""Whatever bytes a file holds, reading it yields Documents and InputProblems, never an error."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entente.errors import InputProblem
from entente.ingest import iter_inputs
from entente.model import Document

# Plain random bytes are nearly always "binary"; text-like bytes reach the readers themselves.
contents = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.text(alphabet="<>/=\"'&;#{}[]:,\n abcpqrsitemntl0129", max_size=500).map(str.encode),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=contents, extension=st.sampled_from([".txt", ".html", ".jsonl", ".xml"]))
def test_any_bytes_give_documents_or_problems(tmp_path, data, extension):
    path = tmp_path / f"input{extension}"
    path.write_bytes(data)
    for item in iter_inputs([path]):
        assert isinstance(item, (Document, InputProblem))

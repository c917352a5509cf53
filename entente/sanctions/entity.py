"""A listed party as entente stores it, whatever list it came from."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from entente.model import content_hash

# FollowTheMoney schemata of the parties a list names; other schemata (Address, Ownership,
# Identification, ...) describe them and are skipped.
PARTY_SCHEMATA = frozenset({
    "Person", "Organization", "Company", "LegalEntity", "PublicBody", "Airplane", "Vessel",
})


class SanctionedEntity(BaseModel):
    """A person, organisation, aircraft or vessel on a sanctions list, with where we read it."""

    model_config = ConfigDict(extra="forbid")

    entity_id: str = Field(description="The list's own id (FollowTheMoney `id`), else a content hash.")
    entity_schema: str = Field(description="FollowTheMoney schema: Person, Company, Vessel, ...")
    name: str
    aliases: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list, description="ISO3 where known.")
    programs: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    listed_on: str | None = Field(None, description="ISO date, any precision.")
    listed_precision: str | None = None
    dataset: str | None = None
    source_file: str | None = None
    source_line: int | None = None

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    @staticmethod
    def make_id(*parts: str) -> str:
        return "entente-" + content_hash(*parts)

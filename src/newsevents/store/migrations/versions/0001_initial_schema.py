"""Initial schema: documents, events, places, actors, incidents, near duplicates, rejections, reviews.

Written out in full (not imported from ``schema.py``) so this revision stays what it was when the
schema moves on; ``tests/integration/test_store_schema.py`` checks that the two agree. Full-text
search differs by backend: an FTS5 table kept in step by triggers on SQLite, a generated tsvector
column with a GIN index on PostgreSQL.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SERIAL = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON = sa.JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")
INDEXED_CHARS = 200_000  # as postgres.INDEXED_CHARS when this revision was written

TABLES = ("reviews", "incident_events", "event_actors", "place_mentions", "near_duplicates", "events",
          "rejections", "places", "incidents", "documents", "actors")


def upgrade() -> None:
    _create_tables()
    if op.get_bind().dialect.name == "sqlite":
        _create_sqlite_fts()
    else:
        _create_postgres_search()


def _create_tables() -> None:
    op.create_table('actors',
        sa.Column('id', SERIAL, autoincrement=True, nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('category', sa.Text(), nullable=False),
        sa.Column('country', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_actors')
    )
    op.create_index('uq_actors_name_category_country', 'actors', ['name', 'category', 'country'], unique=True)
    op.create_table('documents',
        sa.Column('seq', SERIAL, autoincrement=True, nullable=False),
        sa.Column('id', sa.Text(), nullable=False),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('title', sa.Text(), nullable=True),
        sa.Column('site_name', sa.Text(), nullable=True),
        sa.Column('section', sa.Text(), nullable=True),
        sa.Column('categories', JSON, nullable=False),
        sa.Column('author', sa.Text(), nullable=True),
        sa.Column('published', sa.Date(), nullable=True),
        sa.Column('published_from', sa.Text(), nullable=True),
        sa.Column('url', sa.Text(), nullable=True),
        sa.Column('canonical_url', sa.Text(), nullable=True),
        sa.Column('url_key', sa.String(length=64), nullable=True),
        sa.Column('language', sa.Text(), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('times', JSON, nullable=False),
        sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('seq', name='pk_documents'),
        sa.UniqueConstraint('content_hash', name='uq_documents_content_hash'),
        sa.UniqueConstraint('id', name='uq_documents_id'),
        sa.UniqueConstraint('url_key', name='uq_documents_url_key')
    )
    op.create_index('ix_documents_published', 'documents', ['published'])
    op.create_table('incidents',
        sa.Column('id', sa.Text(), nullable=False),
        sa.Column('label', sa.Text(), nullable=True),
        sa.Column('data', JSON, nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_incidents')
    )
    op.create_table('places',
        sa.Column('id', SERIAL, autoincrement=True, nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('country', sa.Text(), nullable=False),
        sa.Column('admin1', sa.Text(), nullable=True),
        sa.Column('lat', sa.Double(), nullable=False),
        sa.Column('lon', sa.Double(), nullable=False),
        sa.Column('precision', sa.Text(), nullable=False),
        sa.Column('feature', sa.Text(), nullable=False),
        sa.Column('geonames_id', sa.BigInteger(), nullable=True),
        sa.Column('population', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_places'),
        sa.UniqueConstraint('key', name='uq_places_key')
    )
    op.create_table('rejections',
        sa.Column('id', SERIAL, autoincrement=True, nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('code', sa.Text(), nullable=False),
        sa.Column('doc_id', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_rejections'),
        sa.UniqueConstraint('key', name='uq_rejections_key')
    )
    op.create_index('ix_rejections_code', 'rejections', ['code'])
    op.create_table('events',
        sa.Column('seq', SERIAL, autoincrement=True, nullable=False),
        sa.Column('id', sa.Text(), nullable=False),
        sa.Column('doc_id', sa.Text(), nullable=False),
        sa.Column('event_type', sa.Text(), nullable=False),
        sa.Column('sub_event_type', sa.Text(), nullable=False),
        sa.Column('status', sa.Text(), nullable=True),
        sa.Column('modality', sa.Text(), nullable=False),
        sa.Column('plover_type', sa.Text(), nullable=True),
        sa.Column('plover_mode', sa.Text(), nullable=True),
        sa.Column('date', sa.Date(), nullable=True),
        sa.Column('date_end', sa.Date(), nullable=True),
        sa.Column('date_precision', sa.Text(), nullable=False),
        sa.Column('place_id', SERIAL, nullable=True),
        sa.Column('country', sa.Text(), nullable=True),
        sa.Column('fatalities', sa.Integer(), nullable=True),
        sa.Column('injured', sa.Integer(), nullable=True),
        sa.Column('arrested', sa.Integer(), nullable=True),
        sa.Column('participants', sa.Integer(), nullable=True),
        sa.Column('confidence', sa.Double(), nullable=False),
        sa.Column('issue', sa.Text(), nullable=True),
        sa.Column('attribution', JSON, nullable=True),
        sa.Column('evidence', JSON, nullable=False),
        sa.Column('actors', JSON, nullable=False),
        sa.Column('trigger', JSON, nullable=True),
        sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name='fk_events_doc_id_documents', ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['place_id'], ['places.id'], name='fk_events_place_id_places'),
        sa.PrimaryKeyConstraint('seq', name='pk_events'),
        sa.UniqueConstraint('id', name='uq_events_id')
    )
    op.create_index('ix_events_confidence', 'events', ['confidence'])
    op.create_index('ix_events_country', 'events', ['country'])
    op.create_index('ix_events_date', 'events', ['date'])
    op.create_index('ix_events_doc_id', 'events', ['doc_id'])
    op.create_index('ix_events_event_type', 'events', ['event_type'])
    op.create_index('ix_events_place_id', 'events', ['place_id'])
    op.create_index('ix_events_sub_event_type', 'events', ['sub_event_type'])
    op.create_table('near_duplicates',
        sa.Column('doc_id', sa.Text(), nullable=False),
        sa.Column('original_id', sa.Text(), nullable=False),
        sa.Column('similarity', sa.Double(), nullable=False),
        sa.Column('method', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE',
                                name='fk_near_duplicates_doc_id_documents'),
        sa.ForeignKeyConstraint(['original_id'], ['documents.id'], ondelete='CASCADE',
                                name='fk_near_duplicates_original_id_documents'),
        sa.PrimaryKeyConstraint('doc_id', name='pk_near_duplicates')
    )
    op.create_index('ix_near_duplicates_original_id', 'near_duplicates', ['original_id'])
    op.create_table('place_mentions',
        sa.Column('doc_id', sa.Text(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('start_char', sa.Integer(), nullable=False),
        sa.Column('end_char', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('place_id', SERIAL, nullable=False),
        sa.Column('confidence', sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE',
                                name='fk_place_mentions_doc_id_documents'),
        sa.ForeignKeyConstraint(['place_id'], ['places.id'], name='fk_place_mentions_place_id_places'),
        sa.PrimaryKeyConstraint('doc_id', 'position', name='pk_place_mentions')
    )
    op.create_index('ix_place_mentions_place_id', 'place_mentions', ['place_id'])
    op.create_table('event_actors',
        sa.Column('event_id', sa.Text(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('actor_id', SERIAL, nullable=False),
        sa.Column('role', sa.Text(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name='fk_event_actors_actor_id_actors'),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE',
                                name='fk_event_actors_event_id_events'),
        sa.PrimaryKeyConstraint('event_id', 'position', name='pk_event_actors')
    )
    op.create_index('ix_event_actors_actor_id', 'event_actors', ['actor_id'])
    op.create_table('incident_events',
        sa.Column('incident_id', sa.Text(), nullable=False),
        sa.Column('event_id', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE',
                                name='fk_incident_events_event_id_events'),
        sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ondelete='CASCADE',
                                name='fk_incident_events_incident_id_incidents'),
        sa.PrimaryKeyConstraint('incident_id', 'event_id', name='pk_incident_events')
    )
    op.create_index('ix_incident_events_event_id', 'incident_events', ['event_id'])
    op.create_table('reviews',
        sa.Column('id', SERIAL, autoincrement=True, nullable=False),
        sa.Column('event_id', sa.Text(), nullable=False),
        sa.Column('user_name', sa.Text(), nullable=False),
        sa.Column('action', sa.Text(), nullable=False),
        sa.Column('changes', JSON, nullable=False),
        sa.Column('comment', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("action IN ('confirm', 'reject', 'correct')", name='ck_reviews_action'),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], name='fk_reviews_event_id_events', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_reviews')
    )
    op.create_index('ix_reviews_event_id', 'reviews', ['event_id'])


def _create_sqlite_fts() -> None:
    op.execute("""
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='seq',
            tokenize='porter unicode61 remove_diacritics 2')
    """)
    op.execute("""
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
        END
    """)
    op.execute("""
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
        END
    """)
    op.execute("""
        CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
        END
    """)


def _create_postgres_search() -> None:
    op.execute(f"""
        ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('english'::regconfig, left(text, {INDEXED_CHARS})), 'B')
        ) STORED
    """)
    op.execute("CREATE INDEX ix_documents_search ON documents USING gin (search)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("documents_fts_insert", "documents_fts_delete", "documents_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in TABLES:
        op.drop_table(table)

"""Refuse UPDATE on audit records in the database itself, not only in the ORM."""

from django.db import migrations

SQLITE = """
CREATE TRIGGER audit_record_refuse_update BEFORE UPDATE ON audit_auditrecord
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
"""
POSTGRES = """
CREATE FUNCTION audit_record_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit records are append-only'; END; $$;
CREATE TRIGGER audit_record_refuse_update BEFORE UPDATE ON audit_auditrecord
FOR EACH ROW EXECUTE FUNCTION audit_record_refuse_update();
"""
DROP = {
    "sqlite": "DROP TRIGGER IF EXISTS audit_record_refuse_update;",
    "postgresql": "DROP TRIGGER IF EXISTS audit_record_refuse_update ON audit_auditrecord;"
    " DROP FUNCTION IF EXISTS audit_record_refuse_update();",
}


def create_trigger(apps, schema_editor):
    sql = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


def drop_trigger(apps, schema_editor):
    sql = DROP.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_audit_record")]
    operations = [migrations.RunPython(create_trigger, drop_trigger)]

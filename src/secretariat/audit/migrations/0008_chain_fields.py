"""The hash chain's fields, empty for now: 0008 fills them in, 0009 makes sequence unique."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0007_signature_events'),
    ]

    operations = [
        migrations.AddField(
            model_name='auditevent',
            name='sequence',
            field=models.PositiveBigIntegerField(null=True, verbose_name='sequence number'),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='previous_hash',
            field=models.CharField(default='', max_length=64, verbose_name='hash of the previous entry'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='auditevent',
            name='hash',
            field=models.CharField(default='', max_length=64, verbose_name='hash'),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='occurred_at',
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='occurred at'),
        ),
        migrations.AlterModelOptions(
            name='auditevent',
            options={'ordering': ['sequence'], 'verbose_name': 'audit event', 'verbose_name_plural': 'audit events'},
        ),
    ]

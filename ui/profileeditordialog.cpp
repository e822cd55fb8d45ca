// SPDX-License-Identifier: Apache-2.0
#include "profileeditordialog.h"

#include "profiles/profilestore.h"
#include "sts/stsencoding.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Rolecall::Core::Controllers::FieldError;
using Rolecall::Core::Controllers::ProfileEditor;
using Rolecall::Core::Controllers::RoleProfileDraft;

namespace Rolecall::Ui {

ProfileEditorDialog::ProfileEditorDialog(
    Core::Profiles::ProfileStore *store, const QString &profile, QWidget *parent, const QString &sourceProfile)
    : QDialog(parent)
    , m_store(store)
    , m_original(profile)
{
    setObjectName(u"profileEditorDialog"_s);
    setWindowTitle(profile.isEmpty() ? tr("New role profile") : tr("Edit profile %1").arg(profile));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Saved to %1; every other line of the file stays as it is.").arg(store->paths().config.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *page = new QWidget(this);
    m_form = new QFormLayout(page);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_nameLineEdit = addLineEdit(u"name"_s, tr("Profile &name:"), tr("e.g. acme-prod-admin"));
    addLineEdit(u"role_arn"_s, tr("&Role ARN:"), u"arn:aws:iam::123456789012:role/Admin"_s);
    m_sourceComboBox = new QComboBox(page);
    m_sourceComboBox->setObjectName(u"source_profileComboBox"_s);
    m_sourceComboBox->setAccessibleName(ProfileEditor::fieldLabel(u"source_profile"_s));
    m_sourceComboBox->setEditable(true);
    for (const auto &p : store->profiles()) {
        if (p.name != profile)
            m_sourceComboBox->addItem(p.name);
    }
    m_sourceComboBox->setCurrentText(sourceProfile);
    m_form->addRow(tr("&Source profile:"), m_sourceComboBox);
    m_fields.insert(u"source_profile"_s, m_sourceComboBox);
    addLineEdit(u"mfa_serial"_s, tr("&MFA device:"), u"arn:aws:iam::123456789012:mfa/alice"_s);
    addLineEdit(u"external_id"_s, tr("E&xternal ID:"), tr("only when the role's trust policy asks for one"));
    m_durationSpinBox = new QSpinBox(page);
    m_durationSpinBox->setObjectName(u"duration_secondsSpinBox"_s);
    m_durationSpinBox->setAccessibleName(ProfileEditor::fieldLabel(u"duration_seconds"_s));
    m_durationSpinBox->setRange(0, Core::Sts::kMaxRoleDurationSeconds);
    m_durationSpinBox->setSingleStep(900);
    m_durationSpinBox->setSuffix(tr(" s"));
    m_durationSpinBox->setSpecialValueText(tr("Default"));
    m_durationSpinBox->setToolTip(tr("%1 to %2 seconds; empty: the app's default")
                                      .arg(Core::Sts::kMinDurationSeconds)
                                      .arg(Core::Sts::kMaxRoleDurationSeconds));
    m_form->addRow(tr("&Duration:"), m_durationSpinBox);
    m_fields.insert(u"duration_seconds"_s, m_durationSpinBox);
    addLineEdit(u"region"_s, tr("Re&gion:"), u"eu-west-1"_s);
    addLineEdit(u"role_session_name"_s, tr("Sessi&on name:"), tr("default: rolecall-<user>"));
    addLineEdit(u"session_tags"_s, tr("Session &tags:"), u"team=platform,env=prod"_s);
    addLineEdit(u"transitive_session_tags"_s, tr("Transiti&ve tag keys:"), u"team,env"_s);
    addLineEdit(u"source_identity"_s, tr("Source &identity:"), tr("e.g. your user name"));
    addLineEdit(
        u"rolecall_session_policy_arns"_s, tr("Session &policy ARNs:"), u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s);
    addLineEdit(u"endpoint_url"_s, tr("STS &endpoint URL:"), tr("the region's endpoint (leave empty)"));

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_errorLabel->setAccessibleName(tr("Problems"));
    m_errorLabel->setStyleSheet(u"color: #b00020;"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProfileEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (!profile.isEmpty())
        setDraft(ProfileEditor::load(store->config(), profile));
    resize(620, 600);
}

ProfileEditorDialog::~ProfileEditorDialog() = default;

QLineEdit *ProfileEditorDialog::addLineEdit(const QString &field, const QString &label, const QString &placeholder)
{
    auto *edit = new QLineEdit(m_form->parentWidget());
    edit->setObjectName(field + u"LineEdit"_s);
    edit->setAccessibleName(ProfileEditor::fieldLabel(field));
    edit->setPlaceholderText(placeholder);
    m_form->addRow(label, edit);
    m_fields.insert(field, edit);
    return edit;
}

RoleProfileDraft ProfileEditorDialog::draft() const
{
    const auto text = [this](const QString &field) { return static_cast<QLineEdit *>(m_fields.value(field))->text(); };
    RoleProfileDraft d;
    d.name = m_nameLineEdit->text();
    d.roleArn = text(u"role_arn"_s).trimmed();
    d.sourceProfile = m_sourceComboBox->currentText().trimmed();
    d.mfaSerial = text(u"mfa_serial"_s).trimmed();
    d.externalId = text(u"external_id"_s).trimmed();
    if (m_durationSpinBox->value() > 0)
        d.durationSeconds = m_durationSpinBox->value();
    d.region = text(u"region"_s).trimmed();
    d.roleSessionName = text(u"role_session_name"_s).trimmed();
    ProfileEditor::parseTags(text(u"session_tags"_s), &d.sessionTags);
    d.transitiveTagKeys = ProfileEditor::parseList(text(u"transitive_session_tags"_s));
    d.sourceIdentity = text(u"source_identity"_s).trimmed();
    d.policyArns = ProfileEditor::parseList(text(u"rolecall_session_policy_arns"_s));
    d.endpointUrl = text(u"endpoint_url"_s).trimmed();
    return d;
}

void ProfileEditorDialog::setDraft(const RoleProfileDraft &d)
{
    const auto set = [this](const QString &field, const QString &value) {
        static_cast<QLineEdit *>(m_fields.value(field))->setText(value);
    };
    m_nameLineEdit->setText(d.name);
    set(u"role_arn"_s, d.roleArn);
    m_sourceComboBox->setCurrentText(d.sourceProfile);
    set(u"mfa_serial"_s, d.mfaSerial);
    set(u"external_id"_s, d.externalId);
    m_durationSpinBox->setValue(d.durationSeconds.value_or(0));
    set(u"region"_s, d.region);
    set(u"role_session_name"_s, d.roleSessionName);
    set(u"session_tags"_s, ProfileEditor::formatTags(d.sessionTags));
    set(u"transitive_session_tags"_s, d.transitiveTagKeys.join(u", "_s));
    set(u"source_identity"_s, d.sourceIdentity);
    set(u"rolecall_session_policy_arns"_s, d.policyArns.join(u", "_s));
    set(u"endpoint_url"_s, d.endpointUrl);
}

QList<FieldError> ProfileEditorDialog::validate() const
{
    QList<FieldError> errors = ProfileEditor::validate(draft(), m_store->config(), m_original);
    QList<Core::Sts::Tag> tags;
    const QString tagsText = static_cast<QLineEdit *>(m_fields.value(u"session_tags"_s))->text();
    if (!ProfileEditor::parseTags(tagsText, &tags))
        errors.append({u"session_tags"_s,
            tr("%1 must look like key1=value1,key2=value2.").arg(ProfileEditor::fieldLabel(u"session_tags"_s))});
    return errors;
}

void ProfileEditorDialog::showErrors(const QList<FieldError> &errors)
{
    m_errors = errors;
    QStringList lines;
    QSet<QString> bad;
    for (const FieldError &e : errors) {
        lines.append(e.message);
        bad.insert(e.field);
    }
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const bool invalid = bad.contains(it.key());
        it.value()->setProperty("invalid", invalid);
        QPalette palette; // the application's; a tinted base marks the field
        if (invalid)
            palette.setColor(QPalette::Base, QColor(0xfd, 0xe7, 0xe9));
        it.value()->setPalette(palette);
        QString description;
        for (const FieldError &e : errors) {
            if (e.field == it.key())
                description = e.message;
        }
        it.value()->setAccessibleDescription(description);
    }
    m_errorLabel->setText(lines.join(u'\n'));
    m_errorLabel->setVisible(!lines.isEmpty());
    if (!errors.isEmpty()) {
        if (QWidget *first = m_fields.value(errors.first().field))
            first->setFocus(Qt::OtherFocusReason);
    }
}

void ProfileEditorDialog::accept()
{
    const QList<FieldError> errors = validate();
    showErrors(errors);
    if (!errors.isEmpty())
        return;
    const auto saved = ProfileEditor::save(draft(), m_store->config(), m_store->paths().config, m_original);
    if (!saved) {
        showErrors({{QString(), saved.error().message}});
        return;
    }
    m_store->reload();
    QDialog::accept();
}

} // namespace Rolecall::Ui

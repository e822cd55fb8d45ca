// SPDX-License-Identifier: Apache-2.0
#include "detailspane.h"

#include "models/profiletreemodel.h"

#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rolecall::Ui {

namespace {
QLabel *wrappingLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}
} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"detailsPane"_s);
    auto *layout = new QVBoxLayout(this);
    m_titleLabel = wrappingLabel(this, u"titleLabel"_s);
    QFont title = m_titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.4);
    title.setBold(true);
    m_titleLabel->setFont(title);
    m_summaryLabel = wrappingLabel(this, u"summaryLabel"_s);
    m_chainLabel = wrappingLabel(this, u"chainLabel"_s);
    m_chainLabel->setAccessibleName(tr("Credential chain"));
    m_sessionLabel = wrappingLabel(this, u"sessionLabel"_s);
    m_sessionLabel->setAccessibleName(tr("Session state"));
    m_errorLabel = wrappingLabel(this, u"errorLabel"_s);
    m_errorLabel->setAccessibleName(tr("Last error"));
    m_errorLabel->setStyleSheet(u"color: #b00020;"_s);
    m_diagnosticsLabel = wrappingLabel(this, u"diagnosticsLabel"_s);
    m_diagnosticsLabel->setAccessibleName(tr("Problems in the config files"));

    auto *busyRow = new QHBoxLayout;
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(u"busyProgressBar"_s);
    m_busyBar->setRange(0, 0);
    m_busyBar->setAccessibleName(tr("Working"));
    m_stepLabel = wrappingLabel(this, u"stepLabel"_s);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->setShortcut(Qt::Key_Escape);
    m_cancelButton->setAccessibleDescription(tr("Stops getting credentials for this profile"));
    busyRow->addWidget(m_busyBar, 1);
    busyRow->addWidget(m_cancelButton);
    connect(m_cancelButton, &QPushButton::clicked, this, &DetailsPane::cancelRequested);

    m_parameters = new QFormLayout;
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_sessionLabel);
    layout->addLayout(busyRow);
    layout->addWidget(m_stepLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(new QLabel(tr("<b>Chain</b>"), this));
    layout->addWidget(m_chainLabel);
    layout->addLayout(m_parameters);
    layout->addWidget(m_diagnosticsLabel);
    layout->addStretch(1);
    setBusy(false);
    showProfile(nullptr, {});
}

DetailsPane::~DetailsPane() = default;

void DetailsPane::showProfile(
    const Core::Profiles::ResolvedProfile *profile, const QList<Core::Config::Diagnostic> &diagnostics)
{
    while (m_parameters->rowCount() > 0)
        m_parameters->removeRow(0);
    m_errorLabel->clear();
    m_errorLabel->hide();
    if (!profile) {
        m_profile.clear();
        m_titleLabel->setText(tr("No profile selected"));
        m_summaryLabel->setText(tr("Type to search; Enter assumes the selected profile."));
        m_chainLabel->clear();
        m_sessionLabel->clear();
        m_diagnosticsLabel->clear();
        return;
    }
    m_profile = profile->name;
    m_titleLabel->setText(profile->name);
    QStringList summary {Core::Profiles::kindName(profile->kind)};
    if (!profile->accountId.isEmpty())
        summary << tr("account %1").arg(profile->accountId);
    if (!profile->region.isEmpty())
        summary << profile->region;
    if (profile->needsMfa())
        summary << tr("needs MFA");
    m_summaryLabel->setText(summary.join(u" · "_s));

    QStringList chain;
    for (qsizetype i = 0; i < profile->steps.size(); ++i)
        chain << u"%1. %2"_s.arg(i + 1).arg(profile->steps.at(i).describe().toHtmlEscaped());
    m_chainLabel->setText(chain.isEmpty() ? tr("This profile has no credentials.") : chain.join(u"<br>"_s));
    for (const QString &error : profile->errors)
        m_chainLabel->setText(
            m_chainLabel->text() + u"<br><span style='color:#b00020'>"_s + error.toHtmlEscaped() + u"</span>"_s);

    const auto add = [this](const QString &label, const QString &value) {
        if (value.isEmpty())
            return;
        auto *field = new QLabel(value, this);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        field->setAccessibleName(label);
        m_parameters->addRow(label, field);
    };
    add(tr("Role ARN"), profile->roleArn);
    add(tr("Source profile"), profile->sourceProfile);
    add(tr("Credential source"), profile->credentialSource);
    add(tr("MFA device"), profile->mfaSerial);
    add(tr("External ID"), profile->externalId);
    add(tr("Session name"), profile->roleSessionName);
    add(tr("Duration"), profile->durationSeconds ? tr("%n second(s)", nullptr, *profile->durationSeconds) : QString());
    add(tr("Endpoint"), profile->endpointUrl);
    QString file = profile->file; // under the home folder as the user writes it: ~/.aws/config
    if (const QString home = QDir::homePath(); file.startsWith(home + u'/'))
        file = u'~' + file.mid(home.size());
    add(tr("Defined in"), u"%1:%2"_s.arg(file).arg(profile->line));

    QStringList lines;
    for (const Core::Config::Diagnostic &d : diagnostics)
        lines << d.toString().toHtmlEscaped();
    m_diagnosticsLabel->setText(
        lines.isEmpty() ? QString() : tr("<b>Problems in the config files</b>") + u"<br>"_s + lines.join(u"<br>"_s));
}

void DetailsPane::setSecondsLeft(qint64 secondsLeft)
{
    using Model = Core::Models::ProfileTreeModel;
    if (secondsLeft < 0) {
        m_sessionLabel->setText(tr("No active session"));
        m_sessionLabel->setStyleSheet({});
        return;
    }
    m_sessionLabel->setText(tr("Session active: %1").arg(Model::countdownText(secondsLeft)));
    switch (Model::urgency(secondsLeft)) {
    case Model::Urgency::Fresh:
        m_sessionLabel->setStyleSheet(u"color: #1b7f3b;"_s);
        break;
    case Model::Urgency::Soon:
        m_sessionLabel->setStyleSheet(u"color: #b36b00;"_s);
        break;
    case Model::Urgency::Critical:
    case Model::Urgency::Expired:
        m_sessionLabel->setStyleSheet(u"color: #b00020; font-weight: bold;"_s);
        break;
    case Model::Urgency::None:
        m_sessionLabel->setStyleSheet({});
        break;
    }
}

void DetailsPane::setBusy(bool busy, const QString &step)
{
    m_busyBar->setVisible(busy);
    m_cancelButton->setVisible(busy);
    m_stepLabel->setVisible(busy && !step.isEmpty());
    m_stepLabel->setText(step);
}

void DetailsPane::setError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

} // namespace Rolecall::Ui

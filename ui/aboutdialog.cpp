// SPDX-License-Identifier: Apache-2.0
#include "aboutdialog.h"

#include "util/buildinfo.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rolecall::Ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About Rolecall"));
    const Core::BuildInfo info = Core::buildInfo();
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(this);
    label->setObjectName(u"aboutLabel"_s);
    label->setTextFormat(Qt::RichText);
    label->setOpenExternalLinks(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setText(
        tr("<h2>Rolecall %1</h2>"
           "<p>Switch AWS roles fast: profiles, MFA, temporary credentials and console sign-in.</p>"
           "<p>Licensed under the Apache License 2.0.</p>"
           "<p>Qt %2 (built with %3)<br>%4<br>QtKeychain %5</p>")
            .arg(info.rolecall, info.qtRuntime, info.qtBuild, info.openssl.toHtmlEscaped(), info.qtkeychain));
    label->setAccessibleName(tr("About Rolecall"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(label);
    layout->addWidget(buttons);
}

AboutDialog::~AboutDialog() = default;

} // namespace Rolecall::Ui

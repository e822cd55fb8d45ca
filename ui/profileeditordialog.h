// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "controllers/profileeditor.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Rolecall::Core::Profiles {
class ProfileStore;
}

namespace Rolecall::Ui {

/**
 * New role profile (Ctrl+N) and Edit profile (F2): every parameter of a role profile, checked against
 * the documented STS limits as the user saves (the problems are listed and the fields marked), then
 * written to the config file byte-preservingly (ProfileEditor::save). The logic is in ProfileEditor.
 */
class ProfileEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditorDialog)

public:
    /// @p profile empty: a new role profile (with @p sourceProfile preselected when given).
    ProfileEditorDialog(Core::Profiles::ProfileStore *store, const QString &profile, QWidget *parent = nullptr,
        const QString &sourceProfile = {});
    ~ProfileEditorDialog() override;

    /// What the form holds now.
    Core::Controllers::RoleProfileDraft draft() const;
    void setDraft(const Core::Controllers::RoleProfileDraft &draft);
    /// The problems found at the last save attempt.
    QList<Core::Controllers::FieldError> fieldErrors() const { return m_errors; }
    /// The field widget for a config key ("role_arn") or "name", for tests and focus.
    QWidget *fieldWidget(const QString &field) const { return m_fields.value(field); }

    void accept() override;

private:
    QLineEdit *addLineEdit(const QString &field, const QString &label, const QString &placeholder);
    QList<Core::Controllers::FieldError> validate() const;
    void showErrors(const QList<Core::Controllers::FieldError> &errors);

    Core::Profiles::ProfileStore *m_store;
    QString m_original;
    QFormLayout *m_form;
    QHash<QString, QWidget *> m_fields;
    QLineEdit *m_nameLineEdit;
    QComboBox *m_sourceComboBox;
    QSpinBox *m_durationSpinBox;
    QLabel *m_errorLabel;
    QList<Core::Controllers::FieldError> m_errors;
};

} // namespace Rolecall::Ui

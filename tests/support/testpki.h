// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace Rolecall::Test {

// One certificate and its private key, both PEM. Generated in memory; never written to the repository.
struct TestCertificate
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;

    bool isNull() const { return certificatePem.isEmpty() || privateKeyPem.isEmpty(); }
    QSslCertificate certificate() const;
    QSslKey key() const;
};

// A throw-away PKI for TLS tests, generated with OpenSSL 3 (EC P-256, SHA-256) when constructed:
//
// - `ca`: the test CA, the one tests trust (through a CA bundle file, as AWS_CA_BUNDLE would).
// - `server`: localhost, SAN DNS:localhost and IP:127.0.0.1, signed by `ca`, valid now.
// - `expired`: same names, signed by `ca`, expired yesterday.
// - `wrongHost`: signed by `ca`, valid, but only for `wrong-host.invalid`.
// - `otherCa` and `untrusted`: an unrelated CA and a localhost certificate it signed.
//
// Generating takes a few milliseconds. Check isValid() (and errorString()) before use.
class TestPki
{
public:
    TestPki();

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    TestCertificate ca;
    TestCertificate server;
    TestCertificate expired;
    TestCertificate wrongHost;
    TestCertificate otherCa;
    TestCertificate untrusted;

    // Writes @p certificates' PEM concatenated to @p path (a CA bundle).
    static bool writeBundle(const QString &path, const QList<TestCertificate> &certificates);

private:
    QString m_error;
};

} // namespace Rolecall::Test

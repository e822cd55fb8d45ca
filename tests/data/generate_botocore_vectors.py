#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Signs requests with botocore (the reference SigV4 implementation) at a fixed time and writes the
results to botocore-sigv4-vectors.json, which tst_sigv4 checks Rolecall's signer against.

Run: python3 tests/data/generate_botocore_vectors.py > tests/data/botocore-sigv4-vectors.json
Only AWS's documented example keys are used."""
import datetime
import json
from unittest import mock

from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

FIXED = datetime.datetime(2026, 11, 23, 12, 34, 56)
LONG_TERM = Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
TEMPORARY = Credentials("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        "IQoJb3JpZ2luX2VjEXAMPLETOKEN+/=abc")

ASSUME_ROLE_BODY = ("Action=AssumeRole&Version=2011-06-15"
                    "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FAdmin"
                    "&RoleSessionName=rolecall-alice&DurationSeconds=3600"
                    "&SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Falice&TokenCode=123456")


def patched_now():
    return mock.patch("botocore.auth.datetime.datetime", wraps=datetime.datetime,
                      **{"utcnow.return_value": FIXED, "now.return_value": FIXED})


def header_case(name, creds, region, host, body):
    request = AWSRequest(method="POST", url=f"https://{host}/", data=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    with patched_now():
        SigV4Auth(creds, "sts", region).add_auth(request)
    return {
        "name": name, "kind": "header", "region": region, "service": "sts", "host": host, "body": body,
        "accessKeyId": creds.access_key, "sessionToken": creds.token or "",
        "amzDate": request.headers["X-Amz-Date"], "authorization": request.headers["Authorization"],
    }


def presign_case(name, creds, region, host, query, expires):
    request = AWSRequest(method="GET", url=f"https://{host}/?{query}")
    with patched_now():
        SigV4QueryAuth(creds, "sts", region, expires=expires).add_auth(request)
    return {"name": name, "kind": "query", "region": region, "service": "sts", "host": host,
            "query": query, "expires": expires, "accessKeyId": creds.access_key,
            "sessionToken": creds.token or "", "url": request.url}


cases = [
    header_case("assume-role-long-term", LONG_TERM, "us-east-1", "sts.us-east-1.amazonaws.com", ASSUME_ROLE_BODY),
    header_case("assume-role-temporary", TEMPORARY, "eu-west-1", "sts.eu-west-1.amazonaws.com", ASSUME_ROLE_BODY),
    header_case("get-caller-identity-china", LONG_TERM, "cn-north-1", "sts.cn-north-1.amazonaws.com.cn",
                "Action=GetCallerIdentity&Version=2011-06-15"),
    header_case("loopback-port", LONG_TERM, "us-east-1", "127.0.0.1:5000",
                "Action=GetCallerIdentity&Version=2011-06-15"),
    presign_case("presign-get-caller-identity", LONG_TERM, "us-east-1", "sts.amazonaws.com",
                 "Action=GetCallerIdentity&Version=2011-06-15", 60),
    presign_case("presign-temporary", TEMPORARY, "us-west-2", "sts.us-west-2.amazonaws.com",
                 "Action=GetCallerIdentity&Version=2011-06-15", 900),
]
print(json.dumps({"generatedBy": "tests/data/generate_botocore_vectors.py", "secretAccessKey":
                  LONG_TERM.secret_key, "cases": cases}, indent=1))

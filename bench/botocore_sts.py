#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""botocore doing the same work as bench_sts: SigV4-sign the AssumeRole request, parse the
AssumeRole response. Prints JSON {"sign_us": median, "parse_us": median} over several rounds."""
import json
import statistics
import sys
import timeit

import botocore.session
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.parsers import QueryParser

BODY = ("Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FAdmin"
        "&RoleSessionName=rolecall-alice&DurationSeconds=3600"
        "&SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Falice&TokenCode=123456")
CREDS = Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")


def sign_once():
    request = AWSRequest(method="POST", url="https://sts.us-east-1.amazonaws.com/", data=BODY,
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    SigV4Auth(CREDS, "sts", "us-east-1").add_auth(request)
    return request


def main():
    xml = open(sys.argv[1], "rb").read()
    model = botocore.session.get_session().get_service_model("sts")
    shape = model.operation_model("AssumeRole").output_shape
    parser = QueryParser()
    response = {"body": xml, "headers": {}, "status_code": 200}

    def parse_once():
        return parser.parse(response, shape)

    assert parse_once()["Credentials"]["AccessKeyId"] == "ASIAIOSFODNN7EXAMPLE"
    results = {}
    # The signing time is the real clock here: patching it would time the mock, not botocore.
    for name, fn, number in (("sign_us", sign_once, 2000), ("parse_us", parse_once, 2000)):
        rounds = timeit.repeat(fn, number=number, repeat=7)
        results[name] = statistics.median(r / number * 1e6 for r in rounds)
    print(json.dumps(results))


if __name__ == "__main__":
    main()

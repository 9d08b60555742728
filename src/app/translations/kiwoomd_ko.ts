<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>TrayText</name>
    <message>
        <source>Start at login</source>
        <translation>로그인 시 자동 실행</translation>
    </message>
    <message>
        <source>Start with Windows</source>
        <translation>Windows 시작 시 자동 실행</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>접속 전</translation>
    </message>
    <message>
        <source>logging in</source>
        <translation>로그인 중</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <source>login failed</source>
        <translation>로그인 실패 · 재접속 대기</translation>
    </message>
    <message>
        <source>OpenAPI module updating</source>
        <translation>OpenAPI 모듈 업데이트 중</translation>
    </message>
    <message>
        <source>polling paused</source>
        <translation>조회 일시정지</translation>
    </message>
    <message>
        <source>waiting for data</source>
        <translation>첫 조회를 기다리는 중</translation>
    </message>
    <message>
        <source>market closed</source>
        <translation>장 마감</translation>
    </message>
    <message>
        <source>live</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>data stale</source>
        <translation>데이터 지연</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <comment>age in seconds</comment>
        <translation>
            <numerusform>%n초</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>age in minutes</comment>
        <translation>
            <numerusform>%n분</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <comment>age in hours</comment>
        <translation>
            <numerusform>%n시간</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>age in days</comment>
        <translation>
            <numerusform>%n일</numerusform>
        </translation>
    </message>
    <message>
        <source>mock server</source>
        <translation>모의투자 서버</translation>
    </message>
    <message>
        <source>real server</source>
        <translation>실서버</translation>
    </message>
    <message>
        <source>server not known yet</source>
        <translation>서버 미확인</translation>
    </message>
    <message>
        <source>mock</source>
        <comment>server</comment>
        <translation>모의투자</translation>
    </message>
    <message>
        <source>real</source>
        <comment>server</comment>
        <translation>실서버</translation>
    </message>
    <message>
        <source>not known yet</source>
        <comment>server</comment>
        <translation>미확인</translation>
    </message>
    <message>
        <source>running</source>
        <comment>control host</comment>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>starting</source>
        <comment>control host</comment>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>stopped</source>
        <comment>control host</comment>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Control host: %1 (pid %2)</source>
        <translation>컨트롤 호스트: %1 (pid %2)</translation>
    </message>
    <message>
        <source>Control host: %1</source>
        <translation>컨트롤 호스트: %1</translation>
    </message>
    <message numerus="yes">
        <source>, replaced %n time(s)</source>
        <translation>
            <numerusform>, %n회 교체됨</numerusform>
        </translation>
    </message>
    <message>
        <source>; last ended: %1</source>
        <translation>; 마지막 종료 사유: %1</translation>
    </message>
    <message>
        <source>data %1 old</source>
        <translation>%1 전 데이터</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>데이터 없음</translation>
    </message>
    <message>
        <source>kiwoomd: %1
%2, %3</source>
        <translation>kiwoomd: %1
%2, %3</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>상태: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>사용자: %1</translation>
    </message>
    <message>
        <source>not logged in</source>
        <translation>로그인 전</translation>
    </message>
    <message>
        <source>Server: %1 (%2 backend)</source>
        <translation>서버: %1 (%2 백엔드)</translation>
    </message>
    <message>
        <source>Last update: %1 (%2 ago)</source>
        <translation>마지막 갱신: %1 (%2 전)</translation>
    </message>
    <message>
        <source>Last update: none yet</source>
        <translation>마지막 갱신: 아직 없음</translation>
    </message>
    <message>
        <source>Request budget: %1 of %2 per %3 s used</source>
        <translation>조회 한도: %3초당 %2건 중 %1건 사용</translation>
    </message>
    <message>
        <source>Next login: %1</source>
        <translation>다음 로그인: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>마지막 오류: %1</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>재접속</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>로그인 중</translation>
    </message>
    <message>
        <source>Log in now</source>
        <translation>지금 로그인</translation>
    </message>
    <message>
        <source>Resume polling</source>
        <translation>조회 재개</translation>
    </message>
    <message>
        <source>Pause polling</source>
        <translation>조회 일시정지</translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation>대시보드 열기</translation>
    </message>
    <message>
        <source>Copy API URL</source>
        <translation>API 주소 복사</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>로그 폴더 열기</translation>
    </message>
    <message>
        <source>About kiwoomd</source>
        <translation>kiwoomd 정보</translation>
    </message>
    <message>
        <source>Quit kiwoomd</source>
        <translation>kiwoomd 종료</translation>
    </message>
    <message>
        <source>Kiwoom OpenAPI+ is updating itself</source>
        <translation>키움 OpenAPI+ 모듈 업데이트 중</translation>
    </message>
    <message>
        <source>The OpenAPI module installs an update. kiwoomd ends the control&apos;s host and logs in again with a fresh one.</source>
        <translation>OpenAPI 모듈이 업데이트를 설치하고 있습니다. kiwoomd가 컨트롤 호스트를 종료하고 새 호스트로 다시 로그인합니다.</translation>
    </message>
    <message>
        <source>Reconnected to Kiwoom</source>
        <translation>키움 서버에 재접속됨</translation>
    </message>
    <message>
        <source>Logged in again on the %1; polling goes on.</source>
        <translation>%1에 다시 로그인했습니다. 조회를 계속합니다.</translation>
    </message>
    <message>
        <source>Kiwoom is throttling requests</source>
        <translation>키움 서버가 조회를 제한하는 중</translation>
    </message>
    <message>
        <source>The server refused a query with -200 (%1 since the start). kiwoomd waits and retries; the data may lag meanwhile.</source>
        <translation>서버가 조회를 -200으로 거절했습니다 (시작 후 %1회). kiwoomd가 기다렸다가 다시 조회하며, 그동안 데이터가 지연될 수 있습니다.</translation>
    </message>
    <message>
        <source>Connection to Kiwoom lost</source>
        <translation>키움 서버 연결 끊김</translation>
    </message>
    <message>
        <source>%1. Logging in again at %2.</source>
        <translation>%1. %2에 다시 로그인합니다.</translation>
    </message>
    <message>
        <source>Serving %1</source>
        <translation>서비스 주소: %1</translation>
    </message>
    <message>
        <source>kiwoomd: %1</source>
        <translation>kiwoomd: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;kiwoomd %1&lt;/b&gt;&lt;br&gt;Kiwoom OpenAPI+ market data on a local REST API.&lt;br&gt;&lt;br&gt;Serving &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;br&gt;Data folder: %3&lt;br&gt;Logs: %4</source>
        <translation>&lt;b&gt;kiwoomd %1&lt;/b&gt;&lt;br&gt;키움 OpenAPI+ 시세를 이 컴퓨터의 REST API로 제공합니다.&lt;br&gt;&lt;br&gt;서비스 주소: &lt;a href=&quot;%2&quot;&gt;%2&lt;/a&gt;&lt;br&gt;데이터 폴더: %3&lt;br&gt;로그: %4</translation>
    </message>
    <message>
        <source>The entry could not be changed: %1</source>
        <translation>자동 실행 항목을 바꾸지 못했습니다: %1</translation>
    </message>
    <message>
        <source>stopping</source>
        <comment>control host</comment>
        <translation>종료 중</translation>
    </message>
    <message>
        <source>OpenAPI+</source>
        <comment>backend</comment>
        <translation>OpenAPI+</translation>
    </message>
    <message>
        <source>REST API</source>
        <comment>backend</comment>
        <translation>REST API</translation>
    </message>
    <message>
        <source>emulator</source>
        <comment>backend</comment>
        <translation>에뮬레이터</translation>
    </message>
    <message>
        <source>replay</source>
        <comment>backend: a recording played back</comment>
        <translation>녹화 재생</translation>
    </message>
</context>
</TS>

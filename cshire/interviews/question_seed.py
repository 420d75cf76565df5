"""Seed question bank for structured interviews (構造化面接).

Every starter competency has at least two questions, and the heaviest competency of
each archetype (EMPATHY, GOAL-ORIENTATION, DOMAIN-EXPERTISE) has three, so a kit can
ask more about what matters most. ``CLEAR-EXPLANATION`` also has three because it is
shared by the careful-support and consulting sets. About two thirds of the questions
are situational: they put the candidate into a concrete B2B SaaS customer-success scene
so the interviewer can picture how this person would serve customers. The rest are
behavioural ("Tell me about a time..." / 「〜した経験について教えてください」).

Each question carries two or three follow-up probes and three anchored answers
(levels 1, 3 and 5). Anchors describe what the answer contains, not how confident the
candidate sounds, so two interviewers listening to the same answer score it alike.
Level-5 anchors build on level 3 ("As level 3, and ..." / 「レベル3の内容に加え、…」).

Pure data: no Flask, no SQLAlchemy.
"""

from dataclasses import dataclass

from cshire.competencies.starter_sets import Text

SITUATIONAL = "situational"
BEHAVIOURAL = "behavioural"
QUESTION_TYPES = (SITUATIONAL, BEHAVIOURAL)


@dataclass(frozen=True)
class SeedQuestion:
    key: str  # stable id, e.g. "EMPATHY-1"
    competency_code: str
    question_type: str  # SITUATIONAL | BEHAVIOURAL
    text: Text
    probes: tuple[Text, ...]  # 2-3 follow-up probes
    anchor_low: Text  # what a level-1 answer sounds like
    anchor_mid: Text  # level 3
    anchor_high: Text  # level 5


QUESTIONS: tuple[SeedQuestion, ...] = (
    # --- careful support --------------------------------------------------------------------------
    SeedQuestion(
        key="EMPATHY-1",
        competency_code="EMPATHY",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "A customer's administrator emails you: 'Our team is too busy and nobody is using "
                "your tool. I was the one who pushed for it, and now my manager is asking why we "
                "are still paying for it.' How do you reply, and what do you do on your first call "
                "with them?"
            ),
            ja=(
                "顧客の管理者から「現場が忙しくて誰もツールを使っていません。導入を推したのは私で、"
                "上司からはなぜまだ費用を払っているのかと聞かれています」というメールが届きました。"
                "どのように返信し、最初の電話では何をしますか。"
            ),
        ),
        probes=(
            Text(
                en="What would you say in the first two minutes of the call?",
                ja="電話の最初の2分間で、どのような言葉をかけますか。",
            ),
            Text(
                en="How would you find out what 'too busy' actually means for their team?",
                ja="「現場が忙しい」の中身を、どのように具体的に確かめますか。",
            ),
            Text(
                en="What would you offer to help them answer their manager?",
                ja="上司への説明に向けて、この管理者にどのような支援を申し出ますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Goes straight to a feature walkthrough or an offer of training, and does not "
                "acknowledge the pressure the administrator is under."
            ),
            ja=(
                "すぐに機能の説明や研修の案内に入り、管理者本人が抱えているプレッシャーには触れませ"
                "ん。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "First acknowledges the administrator's position, asks questions to understand the "
                "team's workload and current usage, then proposes a concrete plan to restart "
                "adoption."
            ),
            ja=(
                "まず管理者の立場を受け止め、現場の業務負荷や利用状況を質問で把握したうえで、"
                "利用を立て直す具体的な計画を提案します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and also addresses the unspoken concern (the administrator's standing "
                "with their manager): offers to prepare evidence of early results or to join a "
                "meeting with the manager, and fits the plan to the team's real workload."
            ),
            ja=(
                "レベル3の内容に加え、上司からの評価という言葉にされていない懸念にも応えます。"
                "早期の成果を示す材料づくりや上司との打ち合わせへの同席を申し出て、"
                "現場の実際の業務負荷に合わせて計画を組み立てます。"
            ),
        ),
    ),
    SeedQuestion(
        key="EMPATHY-2",
        competency_code="EMPATHY",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "During onboarding, a long-serving employee at the customer keeps saying that the "
                "old spreadsheet worked fine and resists every new step. The project owner asks "
                "you to 'just get them on board'. How do you approach this person?"
            ),
            ja=(
                "オンボーディング中、顧客企業のベテラン社員が「これまでの表計算ソフトで十分だった」"
                "と言い、新しい手順にことごとく抵抗しています。"
                "プロジェクト責任者からは「とにかく使ってもらえるようにしてほしい」と頼まれました。"
                "この社員にどのように向き合いますか。"
            ),
        ),
        probes=(
            Text(
                en="What do you think might be behind their resistance?",
                ja="抵抗の背景には何があると考えますか。",
            ),
            Text(
                en="What would you ask them in a one-to-one conversation?",
                ja="一対一で話すとしたら、どのようなことを聞きますか。",
            ),
            Text(
                en="How would you report back to the project owner?",
                ja="プロジェクト責任者には、どのように報告しますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Treats the person as an obstacle: plans to escalate to the project owner or to "
                "repeat the training until they comply."
            ),
            ja=(
                "この社員を障害とみなし、責任者にエスカレーションするか、"
                "従うまで研修を繰り返すことを考えます。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Talks with the person to understand their concerns (workload, fear of losing "
                "hard-won expertise, bad past experiences with new tools) and adjusts the rollout "
                "to address them."
            ),
            ja=(
                "本人と話して、業務負荷や培ってきた専門性が生かせなくなる不安、"
                "過去の新しいツールでの苦い経験などの懸念を把握し、"
                "それに応じて導入の進め方を調整します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and gives the person a role that uses their experience (for example "
                "reviewing the new workflow or acting as the in-house expert) so they gain from "
                "the change; reports to the project owner in a way that protects the relationship "
                "with them."
            ),
            ja=(
                "レベル3の内容に加え、新しい業務フローのレビュー役や社内の相談役など、"
                "本人の経験を生かせる役割を用意して、変化を前向きに受け止めてもらいます。"
                "責任者への報告も、本人との関係を損なわない伝え方をします。"
            ),
        ),
    ),
    SeedQuestion(
        key="EMPATHY-3",
        competency_code="EMPATHY",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time you realised that a customer's real concern was different "
                "from what they first said. How did you notice, and what did you change in your "
                "response?"
            ),
            ja=(
                "顧客が最初に口にしたことと本当の懸念が違っていると気づいた経験について教えてくださ"
                "い。どのように気づき、対応の何を変えましたか。"
            ),
        ),
        probes=(
            Text(
                en="What exactly did the customer say or do that made you notice?",
                ja="顧客のどのような言葉や行動から気づきましたか。",
            ),
            Text(
                en="How did the customer react when you addressed the real concern?",
                ja="本当の懸念に応えたとき、顧客はどのような反応を示しましたか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Cannot give a specific example, or the example shows them handling the stated "
                "request without looking any deeper."
            ),
            ja=(
                "具体的な事例を挙げられないか、挙げた事例が表面上の要望にそのまま応えただけのもので"
                "す。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Describes a specific case, including the cue they noticed (a change in tone, "
                "hesitation, a repeated question), the question they asked to confirm it and how "
                "they changed their response."
            ),
            ja=(
                "口調の変化やためらい、繰り返される質問など気づいたきっかけ、"
                "確かめるために投げかけた質問、対応をどう変えたかを含めて、"
                "具体的な事例を説明します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, with a clear result (the customer's trust or outcome improved) and a "
                "lesson they now apply routinely, for example in how they run discovery "
                "conversations."
            ),
            ja=(
                "レベル3の内容に加え、顧客の信頼や成果が高まったという明確な結果と、"
                "ヒアリングの進め方など、その後いつも実践している学びまで語れます。"
            ),
        ),
    ),
    SeedQuestion(
        key="REASSURANCE-1",
        competency_code="REASSURANCE",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "Your product was down for three hours on the customer's busiest day. Their "
                "administrator calls you, angry: the sales team could not work and the director "
                "wants an explanation. The cause is not known yet. What do you say on the call, "
                "and what do you do over the next 24 hours?"
            ),
            ja=(
                "顧客の繁忙日に、製品が3時間停止しました。顧客の管理者から「営業チームが仕事になら"
                "なかった。部長が説明を求めている」と怒りの電話がかかってきましたが、"
                "原因はまだわかっていません。電話で何を伝え、その後の24時間で何をしますか。"
            ),
        ),
        probes=(
            Text(
                en=(
                    "What will you commit to on the call, and what will you be careful not to "
                    "promise?"
                ),
                ja="電話の中で何を約束し、何は約束しないように気をつけますか。",
            ),
            Text(
                en="How will you keep the customer updated until the cause is known?",
                ja="原因が判明するまで、顧客への状況共有をどのように続けますか。",
            ),
            Text(
                en="What would you prepare for the director?",
                ja="部長向けには何を用意しますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Defends the company or blames the infrastructure and gives vague answers, or "
                "promises a time for the fix that they cannot know."
            ),
            ja=(
                "自社を弁護したりインフラのせいにしたりして曖昧な回答に終始するか、"
                "わかるはずのない解決の時期を約束してしまいます。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Apologises for the impact, says clearly what is known and what is not, commits to "
                "a time for the next update and keeps it, and sends a written summary once the "
                "cause is known."
            ),
            ja=(
                "影響が出たことを謝罪し、わかっていることとまだわからないことを明確に伝え、"
                "次回の連絡時刻を約束して守ります。原因が判明したら、"
                "経緯を書面にまとめて報告します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and helps the administrator explain the incident internally (a short "
                "note for the director, an offer to join a call), discusses how to recover the "
                "lost work, and follows up later with prevention measures to rebuild confidence."
            ),
            ja=(
                "レベル3の内容に加え、部長向けの簡潔な説明資料や打ち合わせへの同席を申し出て、"
                "管理者が社内に説明できるよう支えます。止まった業務の挽回方法も相談し、後日、"
                "再発防止策を伝えて信頼の回復まで見届けます。"
            ),
        ),
    ),
    SeedQuestion(
        key="REASSURANCE-2",
        competency_code="REASSURANCE",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "Two weeks before a customer's go-live, you learn that a data migration problem on "
                "your side will delay the date by at least one week. The customer's project lead "
                "has already announced the go-live date internally. How do you tell them, and what "
                "do you propose?"
            ),
            ja=(
                "顧客の本番稼働まで残り2週間というところで、自社側のデータ移行の問題により、"
                "稼働日が少なくとも1週間遅れることがわかりました。"
                "顧客のプロジェクトリーダーはすでに社内に稼働日を告知しています。どのように伝え、"
                "何を提案しますか。"
            ),
        ),
        probes=(
            Text(
                en="When and through which channel would you tell them?",
                ja="いつ、どの手段で伝えますか。",
            ),
            Text(
                en="What options would you bring to the conversation?",
                ja="話し合いには、どのような選択肢を持っていきますか。",
            ),
            Text(
                en="How would you help the project lead explain the delay inside their company?",
                ja="プロジェクトリーダーが社内で遅延を説明するのを、どのように支援しますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Waits until the delay is certain or tells them by email only, and gives neither a "
                "reason nor a new plan."
            ),
            ja=(
                "遅延が確定するまで伝えるのを待つか、メールだけで済ませ、"
                "理由も新しい計画も示しません。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Tells them promptly and directly (call or meeting), explains the cause honestly, "
                "presents a revised plan with a realistic new date and agrees how progress will be "
                "reported."
            ),
            ja=(
                "電話や打ち合わせですぐに直接伝え、原因を正直に説明したうえで、"
                "現実的な新しい日程を含む修正計画を示し、進捗の報告方法を合意します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and offers options that limit the impact (a partial go-live, an "
                "interim workaround), provides material the project lead can use internally, and "
                "builds in a margin so that the new date is not missed again."
            ),
            ja=(
                "レベル3の内容に加え、一部機能の先行稼働や暫定的な運用など影響を抑える選択肢を示"
                "し、プロジェクトリーダーが社内説明に使える資料を用意します。"
                "新しい日程には余裕を持たせ、再び遅れることのないようにします。"
            ),
        ),
    ),
    SeedQuestion(
        key="RESPONSIVENESS-1",
        competency_code="RESPONSIVENESS",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "It is 9 a.m. on Monday and your customers have sent five 'urgent' requests: (1) "
                "an administrator is locked out and has a board meeting at 11; (2) a report shows "
                "wrong numbers for one team; (3) a customer wants a training session this week; "
                "(4) a question about an invoice; (5) a bug is blocking a data import for a "
                "customer who goes live tomorrow. How do you handle them?"
            ),
            ja=(
                "月曜日の朝9時、担当顧客から「至急」の依頼が5件届いています。"
                "①11時から役員会議を控えた管理者がログインできない、"
                "②一部チームのレポートの数値がおかしい、③今週中に研修を開いてほしい、"
                "④請求書についての質問、⑤明日本番稼働する顧客で、"
                "データの取り込みを妨げる不具合が起きている。どのように対応しますか。"
            ),
        ),
        probes=(
            Text(
                en="In what order would you handle them, and why?",
                ja="どの順番で対応しますか。その理由は何ですか。",
            ),
            Text(
                en="What would you tell the customers whose requests you handle later?",
                ja="後回しにする依頼の顧客には、何と伝えますか。",
            ),
            Text(
                en="Which requests would you hand to someone else, and to whom?",
                ja="ほかの人に任せる依頼はどれで、誰に任せますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Handles them in the order they arrived or starts with whoever is loudest, and "
                "sends nothing to the others."
            ),
            ja="届いた順や声の大きい顧客から対応し、後回しにした顧客には何も連絡しません。",
        ),
        anchor_mid=Text(
            en=(
                "Prioritises by business impact and deadline (the lockout and the go-live blocker "
                "first), sends everyone a quick acknowledgement with an expected time, and routes "
                "the invoice question to the right team."
            ),
            ja=(
                "ログインできない管理者と稼働前日の不具合を先にするなど、"
                "業務への影響と期限で優先順位をつけます。全員に対応予定時刻を添えて一次返信し、"
                "請求書の質問は担当部署に回します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and checks facts before ranking (for example how many users the wrong "
                "report affects), escalates the import bug to engineering at once with clear steps "
                "to reproduce it, and confirms resolution with each customer before closing."
            ),
            ja=(
                "レベル3の内容に加え、レポートの影響範囲など事実を確かめてから順位を決めます。"
                "データ取り込みの不具合は再現手順を添えてすぐに開発へエスカレーションし、"
                "各顧客に解決を確認してから一件ずつ完了させます。"
            ),
        ),
    ),
    SeedQuestion(
        key="RESPONSIVENESS-2",
        competency_code="RESPONSIVENESS",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "A customer reported a bug three weeks ago. Engineering has confirmed it but has "
                "not set a date for the fix. The customer emails again: 'Is anyone actually "
                "looking at this?' What do you do?"
            ),
            ja=(
                "3週間前に顧客から報告された不具合について、開発チームは事象を確認したものの、"
                "修正時期は決まっていません。顧客から再び「誰かちゃんと見てくれているんですか」"
                "というメールが届きました。どうしますか。"
            ),
        ),
        probes=(
            Text(
                en="What would you do inside the company before replying?",
                ja="返信する前に、社内で何をしますか。",
            ),
            Text(en="What would you put in your reply?", ja="返信にはどのような内容を書きますか。"),
            Text(
                en="How would you make sure this does not happen again?",
                ja="同じ状況を繰り返さないために、何をしますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Replies that engineering is working on it, with no new information, and waits "
                "until the customer chases again."
            ),
            ja=(
                "新しい情報のないまま「開発が対応中です」と返信し、"
                "顧客から再び問い合わせが来るまで待ちます。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Apologises for the silence, checks the status and priority with engineering the "
                "same day, replies with the facts and a workaround if there is one, and sets a "
                "schedule for regular updates."
            ),
            ja=(
                "連絡が途絶えていたことを詫び、当日中に開発チームと状況と優先度を確認します。"
                "事実と、あれば回避策を添えて返信し、定期的に報告する日程を決めます。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and quantifies the impact on the customer to argue for a higher "
                "priority internally, personally tracks the issue until it is closed, and proposes "
                "a team rule for updating customers on long-open bugs."
            ),
            ja=(
                "レベル3の内容に加え、顧客への影響を具体的に示して社内で優先度の引き上げを働きか"
                "け、完了まで自ら案件を追跡します。長期化した不具合について顧客へ定期的に連絡する"
                "チームのルールづくりも提案します。"
            ),
        ),
    ),
    SeedQuestion(
        key="CLEAR-EXPLANATION-1",
        competency_code="CLEAR-EXPLANATION",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "A customer's office manager, who is not technical, asks why sales data from their "
                "POS system appears in your product only once an hour instead of in real time. The "
                "reason is how the integration works: data is sent in hourly batches. Explain it "
                "to me as if I were that office manager."
            ),
            ja=(
                "ITに詳しくない顧客の事務責任者から「レジの売上データが、"
                "リアルタイムではなく1時間ごとにしか反映されないのはなぜか」と質問されました。"
                "連携の仕組み上、データを1時間ごとにまとめて送っているためです。"
                "私をその事務責任者だと思って、説明してみてください。"
            ),
        ),
        probes=(
            Text(
                en="How would you check that I have understood?",
                ja="私が理解できたかどうかを、どのように確かめますか。",
            ),
            Text(
                en=(
                    "What would you suggest if I said that hourly updates are not good enough for "
                    "my work?"
                ),
                ja="「1時間ごとでは業務に支障がある」と言われたら、何を提案しますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Uses technical terms such as API, batch or sync without translating them, or "
                "simply says 'that is the specification'."
            ),
            ja=(
                "API・バッチ・同期といった用語を言い換えずに使うか、「仕様です」"
                "と伝えるだけで終わります。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Explains in plain words with an everyday analogy, focuses on what it means for "
                "the manager's work (how up to date the figures are at a given time), and checks "
                "understanding."
            ),
            ja=(
                "日常的なたとえを交えて平易な言葉で説明し、ある時点の数字がどこまで反映されているか"
                "など、事務責任者の業務にとっての意味を中心に伝えて、理解を確認します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and briefly explains why it works this way (the trade-off, for "
                "example stability), asks which tasks really need fresher data, and offers a "
                "practical workaround for those tasks."
            ),
            ja=(
                "レベル3の内容に加え、安定性とのトレードオフなど、"
                "そうなっている理由を簡潔に伝えます。より新しいデータが本当に必要な業務を聞き出し、"
                "その業務に対する現実的な回避策を示します。"
            ),
        ),
    ),
    SeedQuestion(
        key="CLEAR-EXPLANATION-2",
        competency_code="CLEAR-EXPLANATION",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "You have 15 minutes with a customer executive who has never used the product, to "
                "explain what their team has achieved in the first six months and what should "
                "happen next. How do you structure those 15 minutes?"
            ),
            ja=(
                "製品を使ったことのない顧客の役員に、導入後6か月で現場が得た成果と今後の取り組みを"
                "説明する時間を15分だけもらいました。この15分をどのように組み立てますか。"
            ),
        ),
        probes=(
            Text(
                en="What would be on your first slide, or in your first sentence?",
                ja="最初のスライド、あるいは最初の一言では何を伝えますか。",
            ),
            Text(en="What would you deliberately leave out?", ja="あえて話さないことは何ですか。"),
            Text(
                en="How would you adapt if the executive interrupts with a question about cost?",
                ja="途中で費用について質問されたら、どのように対応しますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Plans a tour of features or a long usage report; the main message and what they "
                "want from the executive are unclear."
            ),
            ja=(
                "機能紹介や長い利用レポートを予定しており、伝えたい結論や役員にお願いしたいことがは"
                "っきりしません。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Leads with the results in the executive's terms (time, money, risk), backs them "
                "up with two or three facts, and ends with a clear next step or request."
            ),
            ja=(
                "時間・費用・リスクなど役員が重視する観点で成果を先に述べ、2〜3個の事実で裏づけ、"
                "明確な次のステップや依頼で締めくくります。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and prepares by learning the executive's priorities from the champion "
                "beforehand, leaves time for questions, and brings a one-page summary the "
                "executive can forward internally."
            ),
            ja=(
                "レベル3の内容に加え、事前に推進者から役員の関心事を聞いて準備し、"
                "質問の時間を残しておきます。役員が社内に転送できる1枚の要約資料も用意します。"
            ),
        ),
    ),
    SeedQuestion(
        key="CLEAR-EXPLANATION-3",
        competency_code="CLEAR-EXPLANATION",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time a customer misunderstood something you had explained. What "
                "happened, and what did you change in the way you explain things?"
            ),
            ja=(
                "あなたが説明した内容を顧客が誤解していた経験について教えてください。何が起き、"
                "その後、説明の仕方をどのように変えましたか。"
            ),
        ),
        probes=(
            Text(
                en="How did you find out about the misunderstanding?",
                ja="誤解には、どのように気づきましたか。",
            ),
            Text(
                en="What did you change, and how do you know it works better?",
                ja="何を変え、それがうまくいっているとどのように判断していますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Puts the misunderstanding down to the customer's lack of knowledge and has not "
                "changed their own approach."
            ),
            ja="誤解の原因を顧客の知識不足に求め、自分の説明の仕方は変えていません。",
        ),
        anchor_mid=Text(
            en=(
                "Takes responsibility, identifies what in their explanation caused the gap "
                "(jargon, missing context, no check of understanding) and describes a specific "
                "change they made."
            ),
            ja=(
                "自分の責任として受け止め、専門用語、前提の説明不足、理解の確認漏れなど、"
                "誤解を生んだ原因を特定し、具体的にどう変えたかを説明します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and shows that the change lasted: for example they now check "
                "understanding as a habit or created a summary or diagram used with other "
                "customers, and misunderstandings became less frequent."
            ),
            ja=(
                "レベル3の内容に加え、理解の確認を毎回の習慣にしたり、"
                "ほかの顧客にも使える要約資料や図を作ったりして、"
                "実際に誤解が減ったことまで示せます。"
            ),
        ),
    ),
    SeedQuestion(
        key="ROOT-CAUSE-1",
        competency_code="ROOT-CAUSE",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "Three weeks after the kick-off, a customer's onboarding is stuck at the initial "
                "setup step. The administrator keeps saying 'we will do it next week', while other "
                "customers finish this step in about a week. How would you find out what is really "
                "going on, and what would you do?"
            ),
            ja=(
                "キックオフから3週間経っても、ある顧客のオンボーディングが初期設定の段階で止まって"
                "います。管理者は「来週やります」と繰り返しており、"
                "ほかの顧客はこの段階を1週間ほどで終えています。"
                "実際に何が起きているのかをどのように突き止め、どう対応しますか。"
            ),
        ),
        probes=(
            Text(
                en="What possible causes would you consider?",
                ja="考えられる原因として、どのようなものを想定しますか。",
            ),
            Text(
                en="What would you ask the administrator, and who else would you talk to?",
                ja="管理者にはどのような質問をし、ほかに誰と話しますか。",
            ),
            Text(
                en="How would you confirm which cause is the real one?",
                ja="どれが本当の原因かを、どのように確かめますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Sends reminders or repeats the setup instructions, assuming the administrator is "
                "simply busy."
            ),
            ja=(
                "管理者が忙しいだけだと決めつけ、リマインドを送ったり設定手順を改めて案内したりする"
                "だけです。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Considers several possible causes (no time, missing data or permissions, no clear "
                "owner, unclear benefit), narrows them down with targeted questions or by checking "
                "the admin console, and agrees a specific action and date."
            ),
            ja=(
                "時間がない、データや権限が足りない、担当者が決まっていない、"
                "メリットが伝わっていないなど複数の原因を想定し、"
                "的を絞った質問や管理画面の確認で絞り込んだうえで、具体的な対応と期日を合意します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and looks for organisational causes (for example the setup depends on "
                "an IT department that was never involved), brings in the right person, and shares "
                "the pattern with the onboarding team to improve the process."
            ),
            ja=(
                "レベル3の内容に加え、それまで関与していなかった情報システム部門に設定が依存してい"
                "たといった組織上の原因にまで目を向け、適切な人を巻き込みます。"
                "そのパターンをオンボーディングチームにも共有し、進め方の改善につなげます。"
            ),
        ),
    ),
    SeedQuestion(
        key="ROOT-CAUSE-2",
        competency_code="ROOT-CAUSE",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time you solved a problem that kept coming back, for one customer "
                "or for many. How did you find the real cause?"
            ),
            ja=(
                "一社または複数の顧客で繰り返し起きていた問題を解決した経験について教えてください。"
                "本当の原因をどのように突き止めましたか。"
            ),
        ),
        probes=(
            Text(
                en="What had been tried before, and why had it not worked?",
                ja="それ以前にはどのような対処がされていて、なぜうまくいかなかったのですか。",
            ),
            Text(
                en="What evidence convinced you that you had found the real cause?",
                ja="本当の原因を見つけたと確信した根拠は何ですか。",
            ),
            Text(en="Did the problem come back afterwards?", ja="その後、問題は再発しましたか。"),
        ),
        anchor_low=Text(
            en=(
                "Describes a quick fix, and cannot explain why the problem happened or whether it "
                "came back."
            ),
            ja=(
                "その場しのぎの対処を語るだけで、問題がなぜ起きたのか、"
                "再発したかどうかを説明できません。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Describes how they gathered facts, separated symptoms from causes, tested their "
                "explanation and fixed the cause, after which the problem stopped recurring."
            ),
            ja=(
                "事実をどう集め、症状と原因をどう切り分け、自分の見立てをどう検証して原因に対処した"
                "かを説明でき、その後、問題は再発していません。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and the fix went beyond the single case: a change to the product, "
                "documentation or onboarding that prevented the problem for other customers, with "
                "evidence such as fewer tickets."
            ),
            ja=(
                "レベル3の内容に加え、プロダクトやドキュメント、"
                "オンボーディングの見直しなどほかの顧客にも効く改善につなげ、"
                "問い合わせ件数の減少といった根拠まで示せます。"
            ),
        ),
    ),
    SeedQuestion(
        key="CUSTOMER-FIRST-1",
        competency_code="CUSTOMER-FIRST",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "An important customer asks for a feature the product does not have and says they "
                "will look at competitors if it is not available within three months. The product "
                "team tells you it is not on the roadmap. What do you do?"
            ),
            ja=(
                "重要な顧客から製品にない機能を求められ、「3か月以内に使えるようにならなければ、"
                "競合製品も検討する」と言われました。プロダクトチームに確認したところ、"
                "ロードマップには入っていません。どうしますか。"
            ),
        ),
        probes=(
            Text(
                en="What would you ask the customer about the request?",
                ja="この要望について、顧客にどのようなことを聞きますか。",
            ),
            Text(
                en="What would you tell the customer about the roadmap?",
                ja="ロードマップについて、顧客にはどう伝えますか。",
            ),
            Text(
                en="How would you bring this to the product team?",
                ja="プロダクトチームには、どのように伝えますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Promises the feature or hints that it may come in order to keep the customer, or "
                "simply says it is not possible and stops there."
            ),
            ja=(
                "顧客をつなぎ止めるために実装を約束したり期待を持たせたりするか、「できません」"
                "と伝えて終わります。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Asks what the customer is trying to achieve, is honest that the feature is not "
                "planned, offers alternatives (a workaround, an integration, a change in process) "
                "and passes the request to the product team with its business context."
            ),
            ja=(
                "顧客が実現したいことを確認し、機能の予定がないことは正直に伝えたうえで、"
                "回避策やほかのツールとの連携、運用の工夫などの代わりの方法を示します。"
                "要望は事業上の背景を添えてプロダクトチームに伝えます。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and quantifies the impact (revenue at risk, other customers with the "
                "same need) to make a strong case internally, and agrees with the customer when "
                "and how they will hear the outcome."
            ),
            ja=(
                "レベル3の内容に加え、失う可能性のある売上や同じ要望を持つほかの顧客の数など影響を"
                "具体的に示して社内に強く働きかけ、検討結果をいつ・どのように伝えるかも顧客と合意し"
                "ます。"
            ),
        ),
    ),
    SeedQuestion(
        key="CUSTOMER-FIRST-2",
        competency_code="CUSTOMER-FIRST",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time you advised a customer against something they wanted because "
                "it was not in their interest. What happened?"
            ),
            ja=(
                "顧客の要望に対して、それが顧客のためにならないと考え、"
                "あえて別の方法を勧めた経験について教えてください。どのような結果になりましたか。"
            ),
        ),
        probes=(
            Text(
                en="How did you know it was not in their interest?",
                ja="それが顧客のためにならないと、なぜ判断できたのですか。",
            ),
            Text(
                en="How did you raise it, and how did they react?",
                ja="どのように切り出し、顧客はどのように反応しましたか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Has no such example, or the example is about turning down a request because of "
                "internal rules or the effort involved."
            ),
            ja="該当する経験がないか、挙げた例が社内ルールや手間を理由に要望を断った話です。",
        ),
        anchor_mid=Text(
            en=(
                "Describes a case where they understood the customer's goal, explained the risk "
                "honestly and proposed a better alternative that the customer accepted."
            ),
            ja=(
                "顧客の目的を理解したうえでリスクを率直に伝え、"
                "より良い代わりの方法を提案して受け入れてもらった事例を説明します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and shows that the outcome proved them right and deepened trust (for "
                "example the customer later came to them for advice), and that they would have "
                "respected a different final decision by the customer."
            ),
            ja=(
                "レベル3の内容に加え、結果的に提案が正しかったことで信頼が深まり、その後、"
                "顧客から相談されるようになったといった成果を示します。"
                "顧客が別の判断をしたとしても、それを尊重する姿勢がうかがえます。"
            ),
        ),
    ),
    SeedQuestion(
        key="KNOWLEDGE-SHARING-1",
        competency_code="KNOWLEDGE-SHARING",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "You are moving to another team next month, and a colleague will take over your 30 "
                "accounts. What do you prepare, and how do you hand them over?"
            ),
            ja=(
                "来月から別のチームに異動することになり、担当している30社を同僚に引き継ぐことになり"
                "ました。何を準備し、どのように引き継ぎますか。"
            ),
        ),
        probes=(
            Text(
                en="What information about each account would you make sure to pass on?",
                ja="各社について、必ず引き継ぐ情報は何ですか。",
            ),
            Text(
                en="How would you introduce your colleague to the customers?",
                ja="後任の同僚を、顧客にどのように紹介しますか。",
            ),
            Text(
                en="Is there anything you would leave for the team beyond these 30 accounts?",
                ja="この30社の引き継ぎ以外に、チームに残しておきたいものはありますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Plans to hand over a list of accounts and answer questions when asked; most of "
                "the context stays in their head."
            ),
            ja=(
                "顧客リストを渡し、質問されたら答えるつもりでおり、"
                "顧客ごとの背景情報はほとんど自分の頭の中に残ったままです。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Prepares a summary for each account in the same format (goals, stakeholders, open "
                "issues, risks, renewal date), holds joint handover meetings starting with at-risk "
                "accounts, and introduces the colleague to each customer."
            ),
            ja=(
                "目標・関係者・未解決の課題・リスク・更新日など、"
                "顧客ごとに同じ形式で要点をまとめます。リスクのある顧客から優先して後任が同席する引"
                "き継ぎの打ち合わせを設け、各社に後任を紹介します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and records everything in the shared system rather than a private "
                "document, turns what they learned into material the team can reuse (such as a "
                "handover template), and offers to answer questions after the move."
            ),
            ja=(
                "レベル3の内容に加え、個人の資料ではなく共有システムに記録し、"
                "引き継ぎのテンプレートなどチームで再利用できる形で学びを残します。"
                "異動後も質問に応じる姿勢を示します。"
            ),
        ),
    ),
    SeedQuestion(
        key="KNOWLEDGE-SHARING-2",
        competency_code="KNOWLEDGE-SHARING",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time you turned something you learned with one customer into "
                "something the whole team could use."
            ),
            ja=(
                "ある顧客への対応で得た学びを、チーム全体が使える形にした経験について教えてくださ"
                "い。"
            ),
        ),
        probes=(
            Text(
                en="What form did you put it in: an FAQ, a template, a study session?",
                ja="FAQ、テンプレート、勉強会など、どのような形にまとめましたか。",
            ),
            Text(
                en="How did you know that others were actually using it?",
                ja="ほかのメンバーが実際に活用していると、どのようにしてわかりましたか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Can only give examples of answering colleagues' questions when asked; nothing was "
                "written down."
            ),
            ja="同僚に聞かれて答えた例しか挙げられず、記録として残したものはありません。",
        ),
        anchor_mid=Text(
            en=(
                "Describes a specific piece of knowledge they documented in a reusable form and "
                "shared through the team's usual channels."
            ),
            ja=(
                "具体的な学びを再利用できる形で文書にまとめ、チームが普段使っている共有の場で展開し"
                "た事例を説明します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and shows it was adopted and made a difference (fewer repeat "
                "questions, faster ramp-up for new members), and that they keep it up to date."
            ),
            ja=(
                "レベル3の内容に加え、同じ問い合わせの減少や新メンバーの立ち上がりの早まりなど、"
                "定着して効果が出たことを示し、その後も内容を更新し続けています。"
            ),
        ),
    ),
    # --- target-driven ----------------------------------------------------------------------------
    SeedQuestion(
        key="GOAL-ORIENTATION-1",
        competency_code="GOAL-ORIENTATION",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "The last month of the quarter has just started. Your renewal and expansion target "
                "is 10 million yen; you have closed 6 million and have 3 million in deals you are "
                "fairly confident about. What do you do this month?"
            ),
            ja=(
                "四半期最後の月が始まりました。更新とアップセルを合わせた目標は1,000万円で、"
                "現在の実績は600万円、確度の高い見込みが300万円あります。この1か月で何をしますか。"
            ),
        ),
        probes=(
            Text(
                en="How do you decide which accounts to focus on?",
                ja="どの顧客に注力するかを、どのように決めますか。",
            ),
            Text(
                en="When would you tell your manager, and what would you say?",
                ja="上司にはいつ、何を伝えますか。",
            ),
            Text(
                en=(
                    "What would you do differently next quarter so you are not in this position "
                    "again?"
                ),
                ja="次の四半期に同じ状況にならないよう、何を変えますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Hopes the confident deals close and the rest somehow comes in; has no concrete "
                "plan for the remaining 1 million yen, or plans to push deals through with "
                "discounts."
            ),
            ja=(
                "確度の高い案件がまとまり、残りもどうにかなることを期待するだけで、"
                "100万円の不足を埋める具体策がないか、値引きで押し込むことを考えます。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Sets a concrete closing plan for each of the 3 million yen in deals, identifies "
                "specific additional opportunities worth more than the remaining gap, and reports "
                "the forecast and risks to their manager early."
            ),
            ja=(
                "300万円の見込み案件それぞれに成約までの具体的な段取りを立てて確実にまとめ、"
                "100万円の不足を上回る追加の機会を具体的に洗い出し、"
                "見込みとリスクを早めに上司へ報告します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and prioritises by probability and size, asks for help where it "
                "changes the outcome (such as an executive joining a meeting), avoids pulling "
                "deals forward in ways that hurt customers, and reflects on how to build the "
                "pipeline earlier next quarter."
            ),
            ja=(
                "レベル3の内容に加え、確度と金額で優先順位をつけ、"
                "役員の同行など結果を左右する場面では支援を求めます。"
                "顧客に不利益となる無理な前倒しは避け、次の四半期に向けて見込み案件を早めに積み上げ"
                "る方法まで振り返ります。"
            ),
        ),
    ),
    SeedQuestion(
        key="GOAL-ORIENTATION-2",
        competency_code="GOAL-ORIENTATION",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "Your manager tells you that next year the team's goal is to cut the churn rate "
                "from 10% to 6%, and asks how you will contribute. You look after 40 accounts. How "
                "do you turn the goal into a plan?"
            ),
            ja=(
                "上司から、来年はチームの解約率を10%から6%に下げることが目標であり、"
                "あなたの担当分としてどう貢献するかを考えてほしいと言われました。"
                "あなたは40社を担当しています。この目標をどのように計画に落とし込みますか。"
            ),
        ),
        probes=(
            Text(
                en="What would you look at first across your 40 accounts?",
                ja="40社について、まず何を確認しますか。",
            ),
            Text(
                en="How would you know during the year whether you are on track?",
                ja="年度の途中で、計画どおりに進んでいるかをどのように判断しますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Answers with general intentions ('I will take good care of every customer') "
                "without breaking the goal down."
            ),
            ja=(
                "「すべての顧客を大切にします」といった抽象的な意気込みにとどまり、"
                "目標を分解しません。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Translates the goal into their own numbers (the most accounts they can lose in "
                "the year), groups accounts by risk, and sets actions and checkpoints for those at "
                "risk."
            ),
            ja=(
                "目標を自分の数字（解約を何社以内に抑えるか）に置き換え、"
                "担当顧客をリスク別に分けて、リスクの高い顧客への対応とチェックポイントを設定しま"
                "す。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and picks leading indicators to track monthly (such as onboarding "
                "completion or falling usage), plans for more improvement than the target to allow "
                "for surprises, and shares the approach with the team."
            ),
            ja=(
                "レベル3の内容に加え、オンボーディング完了率や利用の減少などの先行指標を月次で追う"
                "仕組みをつくり、想定外の事態に備えて目標以上の改善を計画し、"
                "その進め方をチームにも共有します。"
            ),
        ),
    ),
    SeedQuestion(
        key="GOAL-ORIENTATION-3",
        competency_code="GOAL-ORIENTATION",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time you reached a target that looked out of reach halfway "
                "through the period. What did you do differently in the second half?"
            ),
            ja=(
                "期の途中では達成が難しいと思われた目標を、最終的に達成した経験について教えてくださ"
                "い。後半に何を変えましたか。"
            ),
        ),
        probes=(
            Text(
                en="How far behind were you, in numbers?",
                ja="その時点で、数字にしてどのくらい遅れていましたか。",
            ),
            Text(
                en="What did you stop doing to make time?",
                ja="時間をつくるために、何をやめましたか。",
            ),
            Text(
                en="What did you learn that you still apply today?",
                ja="そこで得た学びのうち、今も生かしていることは何ですか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Cannot give the numbers, or the target was reached mainly through luck or other "
                "people's efforts."
            ),
            ja="数字を具体的に言えないか、目標達成の主な要因が運やほかの人の頑張りです。",
        ),
        anchor_mid=Text(
            en=(
                "States the gap in numbers and explains the concrete changes they made (narrower "
                "focus, new actions, different timing) and how they tracked progress to reach the "
                "target."
            ),
            ja=(
                "遅れを数字で示し、注力先の絞り込みや新たな打ち手、"
                "時期の見直しなど具体的に何を変え、どのように進捗を追って達成したかを説明します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and the example shows ownership under pressure (acting early, making "
                "deliberate trade-offs) and a lesson turned into a habit, such as planning with a "
                "larger pipeline."
            ),
            ja=(
                "レベル3の内容に加え、早めに動く、意図して取捨選択するなど、"
                "プレッシャーの中でも自ら責任を持って行動したことが伝わり、"
                "見込み案件を多めに積む計画づくりのような習慣に学びを変えています。"
            ),
        ),
    ),
    SeedQuestion(
        key="NUMBERS-FOCUS-1",
        competency_code="NUMBERS-FOCUS",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "You have taken over 25 accounts from a CSM who has left the company. In a week "
                "you will meet your manager to discuss them for the first time. What numbers would "
                "you gather, and how would you use them to decide where to start?"
            ),
            ja=(
                "退職したCSMから25社を引き継ぎました。1週間後に、"
                "この担当顧客について上司と最初の打ち合わせがあります。どのような数字を集め、"
                "それをもとにどこから手をつけるかをどのように決めますか。"
            ),
        ),
        probes=(
            Text(
                en="Which three numbers matter most to you, and why?",
                ja="特に重要だと考える数字を3つ挙げるとしたら何で、その理由は何ですか。",
            ),
            Text(
                en="What would you do if the data in the CRM looks unreliable?",
                ja="CRMのデータが信頼できなさそうな場合は、どうしますか。",
            ),
            Text(
                en="How would you present this to your manager?",
                ja="上司にはどのような形で示しますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Plans to meet every customer first to get an impression, and mentions few or no "
                "specific metrics."
            ),
            ja="まずは全社に会って印象をつかむつもりで、具体的な指標はほとんど挙げません。",
        ),
        anchor_mid=Text(
            en=(
                "Gathers contract value, renewal dates, usage trends and health scores, ranks "
                "accounts by risk and value, and starts with large accounts that renew soon or "
                "whose usage is falling."
            ),
            ja=(
                "契約金額・更新日・利用状況の推移・ヘルススコアを集め、"
                "リスクと金額で顧客を並べ替えて、更新が近い大口顧客や利用が落ちている顧客から着手し"
                "ます。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and checks the data against other sources, puts a figure on the "
                "revenue at risk and the expansion potential for the quarter, and brings a short "
                "prioritised plan with numbers to the manager."
            ),
            ja=(
                "レベル3の内容に加え、データの正確さをほかの情報源と突き合わせて確かめ、"
                "四半期で失う可能性のある売上と拡大の余地を金額で示し、"
                "数字に基づく優先順位つきの簡潔な計画を上司に提示します。"
            ),
        ),
    ),
    SeedQuestion(
        key="NUMBERS-FOCUS-2",
        competency_code="NUMBERS-FOCUS",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time a number you were tracking told you something important that "
                "others had missed. What did you do with it?"
            ),
            ja=(
                "自分が追っていた数字から、周囲が見落としていた重要な変化に気づいた経験について教え"
                "てください。気づいたあと、どのように行動しましたか。"
            ),
        ),
        probes=(
            Text(en="Why were you tracking that number?", ja="なぜその数字を追っていたのですか。"),
            Text(
                en="How did you check that the change was real and not a data error?",
                ja="データの誤りではなく実際の変化だと、どのように確かめましたか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Cannot name a specific metric or value; the example rests on intuition rather "
                "than numbers."
            ),
            ja="具体的な指標や数値を挙げられず、数字ではなく勘に基づく事例になっています。",
        ),
        anchor_mid=Text(
            en=(
                "Names the metric and the values, explains why it mattered, how they verified it "
                "and what they did as a result."
            ),
            ja=(
                "指標と数値を具体的に挙げ、それがなぜ重要だったのか、どう検証したのか、"
                "その結果どう行動したのかを説明します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and the action led to a measurable result (churn prevented, revenue "
                "gained), and they made the metric part of what the team tracks regularly."
            ),
            ja=(
                "レベル3の内容に加え、解約の防止や売上の増加など測定可能な成果につながり、"
                "その指標をチームが定期的に追う項目に組み込んでいます。"
            ),
        ),
    ),
    SeedQuestion(
        key="EXPANSION-PROPOSAL-1",
        competency_code="EXPANSION-PROPOSAL",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "In a quarterly business review, the customer's head of sales mentions that their "
                "marketing department still manages leads in spreadsheets and it causes problems. "
                "Your company sells a marketing module that would solve this. What do you do in "
                "the meeting, and afterwards?"
            ),
            ja=(
                "四半期ごとの定例レビュー（QBR）で、顧客の営業部長が「マーケティング部はいまだに表"
                "計算ソフトでリードを管理していて、問題が起きている」と話しました。"
                "自社にはこれを解決できるマーケティング向けの製品があります。会議の場とその後で、"
                "それぞれ何をしますか。"
            ),
        ),
        probes=(
            Text(
                en="What would you ask before mentioning the module?",
                ja="その製品に触れる前に、何を質問しますか。",
            ),
            Text(
                en="Who on the customer side would you need to involve?",
                ja="顧客側では誰を巻き込む必要がありますか。",
            ),
            Text(
                en="How would you show the value in numbers?",
                ja="価値をどのように数字で示しますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Starts pitching the module and its price on the spot, or does not recognise the "
                "opportunity at all."
            ),
            ja="その場ですぐに製品と価格の説明を始めるか、機会であることに気づきません。",
        ),
        anchor_mid=Text(
            en=(
                "First asks about the problem and its impact, keeps the review on its agenda, and "
                "proposes a follow-up with the head of marketing to explore the fit, linking the "
                "proposal to the results already achieved in sales."
            ),
            ja=(
                "まず課題とその影響について質問し、QBRの本題は予定どおり進めたうえで、"
                "マーケティング部の責任者と改めて話す場を提案します。"
                "営業部門ですでに出ている成果と結びつけて提案します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and builds the business case with the customer (time lost today, "
                "expected impact, cost), confirms who holds the budget and when decisions are "
                "made, and coordinates with sales so the customer receives one consistent proposal."
            ),
            ja=(
                "レベル3の内容に加え、現状で失われている時間や期待効果、"
                "費用を含めた投資対効果を顧客と一緒に整理し、予算を持つ決裁者と意思決定の時期を確認"
                "します。顧客に一貫した提案が届くよう営業とも連携します。"
            ),
        ),
    ),
    SeedQuestion(
        key="EXPANSION-PROPOSAL-2",
        competency_code="EXPANSION-PROPOSAL",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time you made an upsell or cross-sell that the customer was glad "
                "to have bought. How did you spot the opportunity, and how did you propose it?"
            ),
            ja=(
                "顧客に満足してもらえたアップセルやクロスセルの経験について教えてください。"
                "どのように機会を見つけ、どのように提案しましたか。"
            ),
        ),
        probes=(
            Text(
                en="What signal told you the timing was right?",
                ja="タイミングが適切だと判断した兆しは何でしたか。",
            ),
            Text(
                en="How did you show the customer it was worth the cost?",
                ja="費用に見合う価値があることを、どのように示しましたか。",
            ),
            Text(
                en="How do you know the customer was glad?",
                ja="顧客が満足していたと、何からわかりますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "The example was driven by a company campaign or quota, with no link to the "
                "customer's needs or results."
            ),
            ja=(
                "自社のキャンペーンやノルマがきっかけの事例で、"
                "顧客のニーズや成果との結びつきがありません。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Describes the signal, the customer goal it served, how the value was shown and "
                "how the deal was closed, including the amount."
            ),
            ja=(
                "気づいた兆し、その提案が役立った顧客の目標、価値の示し方、成約までの流れを、"
                "金額も含めて説明します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and shows that the purchase produced results for the customer "
                "afterwards (adoption, outcomes) and led to more trust or further business."
            ),
            ja=(
                "レベル3の内容に加え、導入後に利用の定着や成果が出たこと、"
                "それがさらなる信頼や取引の拡大につながったことを示せます。"
            ),
        ),
    ),
    SeedQuestion(
        key="RENEWAL-MANAGEMENT-1",
        competency_code="RENEWAL-MANAGEMENT",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "A customer who has not logged in for a month emails to say they plan to cancel "
                "when the contract comes up for renewal in two months. What do you do in the first "
                "48 hours?"
            ),
            ja=(
                "1か月ログインしていない顧客から、2か月後の契約更新のタイミングで解約するつもりだと"
                "いうメールが届きました。最初の48時間で何をしますか。"
            ),
        ),
        probes=(
            Text(en="What would you check before replying?", ja="返信する前に、何を確認しますか。"),
            Text(
                en="Who at the customer would you want to talk to, and what would you ask?",
                ja="顧客側の誰と話したいですか。また、何を聞きますか。",
            ),
            Text(
                en="In what case would you accept the cancellation, and how would you handle it?",
                ja="どのような場合に解約を受け入れ、その際はどう対応しますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Replies with a generic offer (a discount, training) without understanding why, or "
                "simply processes the cancellation."
            ),
            ja=(
                "理由を確かめずに値引きや研修などありきたりの提案を返すか、"
                "そのまま解約の手続きを進めます。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Reviews usage history, the contract and past contact before replying, asks for a "
                "call to understand the reasons, and prepares a recovery plan if the reasons can "
                "be addressed."
            ),
            ja=(
                "返信の前に利用履歴・契約内容・過去のやり取りを確認し、"
                "理由を理解するための打ち合わせを申し込みます。対処できる理由であれば、"
                "立て直しの計画を用意します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and also speaks to the decision maker, not only the sender; "
                "establishes whether the cause is value, budget or a change at the customer; and "
                "if cancellation is the right outcome, handles it gracefully and records the "
                "lessons for the team."
            ),
            ja=(
                "レベル3の内容に加え、メールの送り主だけでなく決裁者とも話し、"
                "原因が価値・予算・顧客社内の変化のどれにあるのかを明らかにします。"
                "解約が妥当な場合は気持ちよく送り出し、学びをチームのために記録します。"
            ),
        ),
    ),
    SeedQuestion(
        key="RENEWAL-MANAGEMENT-2",
        competency_code="RENEWAL-MANAGEMENT",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "You have 12 renewals coming up in the next 90 days. How do you organise the work, "
                "and what does the timeline look like for a typical one?"
            ),
            ja=(
                "今後90日以内に12社の契約更新が控えています。どのように仕事を組み立てますか。また、"
                "一般的な1社について、どのようなスケジュールで進めますか。"
            ),
        ),
        probes=(
            Text(
                en="How do you decide which renewals are at risk?",
                ja="どの更新にリスクがあるかを、どのように判断しますか。",
            ),
            Text(
                en="What do you do 90, 60 and 30 days before the renewal date?",
                ja="更新日の90日前・60日前・30日前には、それぞれ何をしますか。",
            ),
            Text(
                en="How do you report your renewal forecast?",
                ja="更新の見込みは、どのように報告しますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Plans to contact each customer a few weeks before the date, with no risk "
                "assessment or forecast."
            ),
            ja=(
                "更新日の数週間前に各社へ連絡する予定で、リスクの見極めや見込みの管理はしていませ"
                "ん。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Lists the renewals with value, date and risk, starts early with a review of the "
                "value delivered, confirms the decision process and paperwork, and tracks each "
                "renewal until it is signed."
            ),
            ja=(
                "12社を金額・更新日・リスクとともに一覧にし、早めに提供価値の振り返りから始め、"
                "意思決定の流れと契約手続きを確認して、締結まで一件ずつ追います。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and gives a clear timeline (for example risk check at 90 days, value "
                "review with the decision maker at 60, paperwork at 30), concentrates effort on "
                "at-risk and high-value accounts, and keeps an honest forecast with their manager."
            ),
            ja=(
                "レベル3の内容に加え、90日前にリスク確認、60日前に決裁者と価値の振り返り、"
                "30日前に契約手続きといった明確なスケジュールを示し、"
                "リスクの高い顧客や大口顧客に重点的に力を注ぎ、上司と正直な見込みを共有します。"
            ),
        ),
    ),
    SeedQuestion(
        key="PROACTIVITY-1",
        competency_code="PROACTIVITY",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "A customer finished onboarding two months ago. Usage is stable, there are no "
                "tickets or complaints, and the next renewal is ten months away. Would you do "
                "anything with this account now? If so, what?"
            ),
            ja=(
                "2か月前にオンボーディングを終えた顧客がいます。利用状況は安定しており、"
                "問い合わせも不満もなく、次の更新は10か月後です。今この顧客に対して何かしますか。"
                "するとしたら何をしますか。"
            ),
        ),
        probes=(
            Text(
                en="What would you want to know that the data does not tell you?",
                ja="データからはわからないことで、知りたいのは何ですか。",
            ),
            Text(
                en="What would be the purpose of your next contact?",
                ja="次に連絡するとしたら、その目的は何ですか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Leaves the account alone until something happens or the renewal approaches, on "
                "the basis that no news is good news."
            ),
            ja="便りがないのは良い知らせと考え、何か起きるか更新が近づくまで特に何もしません。",
        ),
        anchor_mid=Text(
            en=(
                "Reaches out with a purpose: checks whether the customer is reaching their goals, "
                "identifies the next milestone on the success journey and proposes a concrete next "
                "step."
            ),
            ja=(
                "目的を持って連絡し、顧客が目標を達成できているかを確認したうえで、"
                "サクセスジャーニー上の次のマイルストーンを見定め、具体的な次の一手を提案します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and builds relationships beyond the administrator, looks for use "
                "cases or teams not yet using the product, and plans regular value reviews so that "
                "the renewal becomes a formality."
            ),
            ja=(
                "レベル3の内容に加え、管理者以外の関係者とも接点を広げ、"
                "まだ活用されていない用途や部署を探り、定期的な価値の振り返りを計画して、"
                "更新が自然に決まる状態をつくります。"
            ),
        ),
    ),
    SeedQuestion(
        key="PROACTIVITY-2",
        competency_code="PROACTIVITY",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time you started something nobody had asked you to do, for a "
                "customer or for your team. What prompted it, and what came of it?"
            ),
            ja=(
                "顧客やチームのために、誰にも頼まれていないことを自ら始めた経験について教えてくださ"
                "い。何がきっかけで、どのような結果になりましたか。"
            ),
        ),
        probes=(
            Text(
                en="How did you get others to support it?",
                ja="周囲の協力をどのように得ましたか。",
            ),
            Text(
                en="What would have happened if you had not acted?",
                ja="あなたが動かなかったら、どうなっていたと思いますか。",
            ),
        ),
        anchor_low=Text(
            en="The examples are assigned tasks, or ideas they suggested but did not act on.",
            ja="挙げた例が割り当てられた業務か、提案しただけで実行しなかったアイデアです。",
        ),
        anchor_mid=Text(
            en=(
                "Describes an action they started themselves: why they saw the need, how they "
                "carried it out and a concrete result."
            ),
            ja=(
                "自ら始めた行動について、必要性に気づいた理由、実行の進め方、"
                "具体的な結果を説明します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and the initiative had a wide or lasting effect (many customers, a "
                "new team practice) and they brought others along with them."
            ),
            ja=(
                "レベル3の内容に加え、多くの顧客への効果やチームの新しい習慣など広く長く続く影響が"
                "あり、周囲を巻き込んで進めています。"
            ),
        ),
    ),
    SeedQuestion(
        key="NEGOTIATION-1",
        competency_code="NEGOTIATION",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "At renewal time, the customer's purchasing manager says their budget has been cut "
                "by 20% and they need a 20% lower price, or they will cancel. The product is well "
                "used by their team. How do you prepare for and run this negotiation?"
            ),
            ja=(
                "契約更新にあたり、顧客の購買担当者から「予算が20%削減されたので、"
                "価格を20%下げてもらえなければ解約する」と言われました。"
                "現場では製品がよく活用されています。この交渉にどのように準備し、どう進めますか。"
            ),
        ),
        probes=(
            Text(
                en="What would you find out before the next meeting?",
                ja="次の打ち合わせまでに、何を確認しておきますか。",
            ),
            Text(
                en="What options other than a discount could you offer?",
                ja="値引き以外に、どのような選択肢を示せますか。",
            ),
            Text(
                en="What would you ask for in return for any concession?",
                ja="何かを譲歩する場合、その見返りに何を求めますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Accepts the 20% cut immediately to save the contract, or flatly refuses and hands "
                "it to their manager without preparing."
            ),
            ja=(
                "契約を守るためにすぐ20%の値下げを受け入れるか、"
                "準備をせずに突っぱねて上司に委ねます。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Prepares the value delivered, backed by the users, checks whether the cut is "
                "final and who decides, and offers options (fewer licences, another plan, a longer "
                "term) within limits set in advance."
            ),
            ja=(
                "現場の声を添えて提供してきた価値を整理し、予算削減が確定なのか、"
                "誰が決めるのかを確かめたうえで、ライセンス数の見直し、プランの変更、"
                "契約期間の延長といった選択肢を、事前に決めた譲歩の範囲内で提示します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and trades any concession for something of value (a multi-year term, "
                "a case study, future expansion), involves the users' manager to show what losing "
                "the product would cost, and keeps the relationship positive."
            ),
            ja=(
                "レベル3の内容に加え、譲歩する場合は複数年契約や導入事例への協力、"
                "将来の拡大などの見返りを引き出し、現場の責任者を巻き込んで製品を失った場合の損失を"
                "示します。交渉後も良好な関係を保ちます。"
            ),
        ),
    ),
    SeedQuestion(
        key="NEGOTIATION-2",
        competency_code="NEGOTIATION",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time you reached an agreement both sides were happy with in a "
                "difficult negotiation with a customer or a colleague. How did you prepare?"
            ),
            ja=(
                "顧客や社内の関係者との難しい交渉で、双方が納得できる合意にたどり着いた経験について"
                "教えてください。どのように準備しましたか。"
            ),
        ),
        probes=(
            Text(
                en="What did the other side really care about, and how did you find out?",
                ja="相手が本当に重視していたことは何で、それをどのように知りましたか。",
            ),
            Text(
                en="What did you give, and what did you get in return?",
                ja="何を譲り、その代わりに何を得ましたか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "The 'agreement' was giving in to the other side, or winning at the expense of the "
                "relationship."
            ),
            ja="挙げた合意が相手への一方的な譲歩か、関係を犠牲にして押し切った結果です。",
        ),
        anchor_mid=Text(
            en=(
                "Describes their preparation (interests, options, limits), how they handled the "
                "main objection and a balanced outcome."
            ),
            ja=(
                "相手の関心事・選択肢・譲れる範囲といった準備の内容、主な反対意見への対応、"
                "双方にとってバランスのとれた結果を説明します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and shows creative options that gave both sides more, and that the "
                "agreement held and improved the relationship afterwards."
            ),
            ja=(
                "レベル3の内容に加え、双方が得るものを増やす工夫のある選択肢を示し、"
                "合意がその後も守られて関係がより良くなったことを語れます。"
            ),
        ),
    ),
    SeedQuestion(
        key="RESILIENCE-1",
        competency_code="RESILIENCE",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "For six months you have worked to turn around a difficult account. At the renewal "
                "meeting, the customer tells you they have decided to switch to a competitor. You "
                "have three meetings with other customers the next day. What do you do?"
            ),
            ja=(
                "半年かけて立て直しに取り組んできた難しい顧客から、"
                "更新の打ち合わせで競合製品への乗り換えを決めたと告げられました。"
                "翌日には別の顧客との打ち合わせが3件入っています。どうしますか。"
            ),
        ),
        probes=(
            Text(
                en="What would you do in the meeting where they tell you?",
                ja="乗り換えを告げられたその場では、どうしますか。",
            ),
            Text(
                en="How would you look back on what happened?",
                ja="この件をどのように振り返りますか。",
            ),
            Text(
                en="How would you approach the next day's meetings?",
                ja="翌日の打ち合わせには、どのように臨みますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Focuses on blaming others (the customer, the product, sales), or suggests the "
                "setback would affect the next day's meetings; no reflection."
            ),
            ja=(
                "顧客・製品・営業など他者への非難に終始するか、"
                "翌日の打ち合わせにまで影響が出そうな様子がうかがえ、振り返りもありません。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Stays professional in the meeting (asks for the reasons, leaves the door open), "
                "reflects on what could have been done differently, and refocuses on the next "
                "day's customers."
            ),
            ja=(
                "その場では冷静に理由を尋ねて関係を続ける余地を残し、"
                "何ができたのかを振り返ったうえで、気持ちを切り替えて翌日の顧客に臨みます。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and turns the loss into concrete lessons shared with the team and the "
                "product team, keeps in touch with the customer in case they come back, and "
                "applies the lessons to similar accounts."
            ),
            ja=(
                "レベル3の内容に加え、失注から得た具体的な学びをチームやプロダクトチームに共有し、"
                "再び選んでもらえる日に備えて顧客との接点を保ち、"
                "似た状況の顧客にその学びを生かします。"
            ),
        ),
    ),
    SeedQuestion(
        key="RESILIENCE-2",
        competency_code="RESILIENCE",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time you went through a particularly hard period at work. What "
                "kept you going, and what did you learn?"
            ),
            ja=(
                "仕事で特に苦しい時期を乗り越えた経験について教えてください。何が支えになり、"
                "何を学びましたか。"
            ),
        ),
        probes=(
            Text(
                en="What did you do, concretely, to get through it?",
                ja="乗り越えるために、具体的に何をしましたか。",
            ),
            Text(
                en="What would you do differently if it happened again?",
                ja="同じ状況になったら、今度は何を変えますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Describes the difficulty only in terms of other people's faults, with no concrete "
                "actions or lessons."
            ),
            ja="困難をほかの人のせいとしてだけ語り、自分が取った具体的な行動や学びが出てきません。",
        ),
        anchor_mid=Text(
            en=(
                "Describes concrete actions they took to cope and keep delivering, and a clear "
                "lesson."
            ),
            ja="状況に対処して成果を出し続けるために取った具体的な行動と、明確な学びを説明します。",
        ),
        anchor_high=Text(
            en=(
                "As level 3, and shows that they kept the quality of their work and their "
                "relationships steady throughout, asked for help when appropriate and supported "
                "others, and that the lesson changed how they work."
            ),
            ja=(
                "レベル3の内容に加え、苦しい間も仕事の質や周囲との関係を保ち、"
                "必要に応じて助けを求めながらほかの人も支えたことが伝わり、"
                "その学びが今の働き方を変えています。"
            ),
        ),
    ),
    # --- consulting strength ----------------------------------------------------------------------
    SeedQuestion(
        key="DOMAIN-EXPERTISE-1",
        competency_code="DOMAIN-EXPERTISE",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "Choose an industry you know well. A customer in that industry asks you: 'How are "
                "companies like ours using tools like yours, and what are we not doing yet?' How "
                "would you answer?"
            ),
            ja=(
                "あなたがよく知っている業界を一つ選んでください。"
                "その業界の顧客から「うちと同じような会社は、このようなツールをどう活用しているの"
                "か。うちがまだできていないことは何か」と聞かれたら、どのように答えますか。"
            ),
        ),
        probes=(
            Text(
                en="Which processes or metrics in that industry would you focus on?",
                ja="その業界では、どの業務や指標に注目しますか。",
            ),
            Text(
                en=(
                    "How would you make the advice fit this customer rather than the industry in "
                    "general?"
                ),
                ja="業界一般ではなく、この顧客に合った助言にするために何をしますか。",
            ),
            Text(
                en="Where does your knowledge of the industry come from?",
                ja="その業界の知識は、どこから得たものですか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Answers with product features only, or with general statements that would apply "
                "to any industry."
            ),
            ja="製品の機能紹介だけで答えるか、どの業界にも当てはまる一般論にとどまります。",
        ),
        anchor_mid=Text(
            en=(
                "Names the industry's key processes, metrics and typical challenges, gives "
                "concrete usage patterns tied to them, and asks about the customer's situation "
                "before recommending anything."
            ),
            ja=(
                "その業界の主要な業務・指標・よくある課題を挙げ、"
                "それに結びついた具体的な活用パターンを示し、提案の前に顧客の状況を確認します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and brings benchmarks or examples from comparable companies, points "
                "out prerequisites and trade-offs (such as the process changes needed), and "
                "tailors a prioritised suggestion to this customer."
            ),
            ja=(
                "レベル3の内容に加え、同規模の企業の事例やベンチマークを示し、"
                "必要となる業務の見直しなど前提条件やトレードオフにも触れたうえで、"
                "この顧客向けに優先順位をつけた提案を組み立てます。"
            ),
        ),
    ),
    SeedQuestion(
        key="DOMAIN-EXPERTISE-2",
        competency_code="DOMAIN-EXPERTISE",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "A customer's operations manager tells you: 'The tool itself is fine, but it does "
                "not fit the way our industry works.' Usage in their team is falling. How do you "
                "find out what they mean, and what do you do?"
            ),
            ja=(
                "顧客の業務責任者から「ツール自体は悪くないが、うちの業界のやり方に合っていない」"
                "と言われ、そのチームの利用も減ってきています。この発言の真意をどのように確かめ、"
                "どう対応しますか。"
            ),
        ),
        probes=(
            Text(
                en="What would you ask to understand how their work actually flows?",
                ja="実際の業務の流れを理解するために、何を質問しますか。",
            ),
            Text(
                en=(
                    "How would you decide whether to change the configuration, their process, or "
                    "neither?"
                ),
                ja=(
                    "設定を変えるのか、業務のやり方を変えるのか、どちらも変えないのかを、"
                    "どのように判断しますか。"
                ),
            ),
        ),
        anchor_low=Text(
            en=(
                "Defends the product or repeats standard best practices without finding out how "
                "the customer's work is actually done."
            ),
            ja=(
                "製品を擁護するか、顧客の業務の進め方を知ろうとせずに標準的なベストプラクティスを繰"
                "り返します。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Maps the customer's actual workflow (by observing it or walking through it with "
                "them), identifies where the tool and the process clash, and proposes "
                "configuration changes or workarounds."
            ),
            ja=(
                "業務を見学したり一緒にたどったりして実際の業務フローを把握し、"
                "ツールと業務がかみ合わない箇所を特定して、設定の変更や回避策を提案します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and distinguishes industry practices that should be supported from "
                "habits worth changing, explains the difference in the customer's terms, and feeds "
                "genuine industry gaps back to the product team."
            ),
            ja=(
                "レベル3の内容に加え、尊重すべき業界の慣習と見直す価値のある慣行を見分け、"
                "その違いを顧客の言葉で説明します。業界特有で製品に足りない点は、"
                "プロダクトチームにフィードバックします。"
            ),
        ),
    ),
    SeedQuestion(
        key="DOMAIN-EXPERTISE-3",
        competency_code="DOMAIN-EXPERTISE",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time your understanding of a customer's business, not just of the "
                "product, changed the advice you gave them."
            ),
            ja=(
                "製品知識ではなく、顧客の業務や業界への理解によって、"
                "顧客への助言が変わった経験について教えてください。"
            ),
        ),
        probes=(
            Text(
                en="What did you know about their business that made the difference?",
                ja="決め手になったのは、その業務や業界についてのどのような知識でしたか。",
            ),
            Text(
                en="How did the customer react, and what was the result?",
                ja="顧客はどのように反応し、どのような結果になりましたか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "The example is only about product configuration; no knowledge of the customer's "
                "business is visible."
            ),
            ja="事例が製品の設定に関するものだけで、業務や業界の知識が見えてきません。",
        ),
        anchor_mid=Text(
            en=(
                "Names specific business knowledge (a process, a regulation, a metric), explains "
                "how it shaped their advice and what it meant for the customer."
            ),
            ja=(
                "業務プロセス・規制・指標など具体的な業務知識を挙げ、それが助言にどう影響し、"
                "顧客にどのような結果をもたらしたかを説明します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and the advice changed the customer's process or decisions beyond the "
                "tool, and the customer kept coming back to them as a trusted adviser."
            ),
            ja=(
                "レベル3の内容に加え、その助言がツールの使い方を超えて顧客の業務や意思決定を変え、"
                "その後も信頼できる相談相手として頼られるようになっています。"
            ),
        ),
    ),
    SeedQuestion(
        key="LOGICAL-THINKING-1",
        competency_code="LOGICAL-THINKING",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "A customer's adoption rate is 40%, against a goal of 80% by the end of the "
                "quarter. Their project lead asks you: 'Why is it so low, and what should we do "
                "first?' How would you structure your analysis and your answer?"
            ),
            ja=(
                "顧客の利用定着率は40%で、四半期末までに80%にするという目標があります。"
                "顧客のプロジェクトリーダーから「なぜ低いのか、まず何から手をつけるべきか」"
                "と聞かれました。どのように分析を組み立て、どう答えますか。"
            ),
        ),
        probes=(
            Text(
                en="How would you break the problem down?",
                ja="この問題を、どのような切り口で分解しますか。",
            ),
            Text(
                en="How would you decide what to do first?",
                ja="最初に取り組むことを、どのように決めますか。",
            ),
            Text(
                en="What would you do if the project lead disagreed with your conclusion?",
                ja="リーダーがあなたの結論に同意しなかったら、どうしますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Lists possible reasons and actions at random, with no structure and no clear "
                "recommendation."
            ),
            ja="考えられる理由や施策を思いつくままに並べるだけで、構造も明確な提案もありません。",
        ),
        anchor_mid=Text(
            en=(
                "Breaks the problem down along a clear dimension (by department, or by user "
                "status: not invited, never started, stopped), checks each part against the data, "
                "and recommends a first action with reasons."
            ),
            ja=(
                "部署別、あるいは未招待・未利用・利用停止といった利用者の状態別など明確な切り口で分"
                "解し、それぞれをデータで確認して、最初に取り組む施策を理由とともに提案します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and prioritises by impact and effort, states the assumptions the plan "
                "depends on, and presents the conclusion first in a form the project lead can "
                "reuse with their own management."
            ),
            ja=(
                "レベル3の内容に加え、効果と手間で優先順位をつけ、"
                "計画が成り立つための前提を明示します。リーダーがそのまま自社の上層部に説明できるよ"
                "う、結論から示します。"
            ),
        ),
    ),
    SeedQuestion(
        key="LOGICAL-THINKING-2",
        competency_code="LOGICAL-THINKING",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time you had to convince a customer or your manager of a "
                "recommendation they were against at first. How did you build your case?"
            ),
            ja=(
                "当初は反対していた顧客や上司に、提案を納得してもらった経験について教えてください。"
                "どのように論拠を組み立てましたか。"
            ),
        ),
        probes=(
            Text(
                en="What were their objections, and how did you answer each one?",
                ja="どのような反対意見があり、それぞれにどう答えましたか。",
            ),
            Text(
                en="Which piece of evidence was most persuasive?",
                ja="最も説得力があった根拠は何でしたか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Won them over through persistence or the relationship alone, and cannot explain "
                "the reasoning."
            ),
            ja="粘りや関係性だけで押し通しており、論理の組み立てを説明できません。",
        ),
        anchor_mid=Text(
            en=(
                "Explains a clear structure: the conclusion, the reasons and evidence supporting "
                "it, and how they answered the main objections."
            ),
            ja="結論、それを支える理由と根拠、主な反対意見への答え方という明確な構造で説明します。",
        ),
        anchor_high=Text(
            en=(
                "As level 3, and shows they anticipated the objections, compared alternatives "
                "against explicit criteria and adapted the argument to the audience, and that the "
                "decision later proved sound."
            ),
            ja=(
                "レベル3の内容に加え、反対意見を事前に想定し、明確な基準で選択肢を比較し、"
                "相手に合わせて論点の示し方を変えています。その判断が後に正しかったことも示せます。"
            ),
        ),
    ),
    SeedQuestion(
        key="HYPOTHESIS-DRIVEN-1",
        competency_code="HYPOTHESIS-DRIVEN",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "Tomorrow is your first meeting with a customer you have just taken over. The "
                "usage data shows 60 active users out of 200 licences, most of the activity in one "
                "department, and a renewal in five months. What hypotheses do you form, and how do "
                "you use the meeting to test them?"
            ),
            ja=(
                "明日、引き継いだばかりの顧客と初めての打ち合わせがあります。利用データを見ると、"
                "200ライセンスに対してアクティブユーザーは60人で、"
                "利用の大半が一つの部署に偏っており、更新は5か月後です。どのような仮説を立て、"
                "打ち合わせでどのように検証しますか。"
            ),
        ),
        probes=(
            Text(
                en="Which hypothesis would you test first, and why?",
                ja="最初に検証する仮説はどれで、その理由は何ですか。",
            ),
            Text(
                en="What answer would tell you that you were wrong?",
                ja="どのような答えが返ってきたら、仮説が外れていたと判断しますか。",
            ),
            Text(
                en="What would you do if none of your hypotheses held?",
                ja="どの仮説も当てはまらなかったら、どうしますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Plans to 'listen first' with general questions and no view of the situation, or "
                "states a single assumption as if it were fact."
            ),
            ja=(
                "状況の見立てを持たずに一般的な質問で「まずは話を聞く」つもりか、"
                "一つの思い込みを事実のように語ります。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Forms two or three specific hypotheses (the rollout to other departments never "
                "happened; too many licences were bought; the main department has found a strong "
                "use case) and prepares questions to test each."
            ),
            ja=(
                "ほかの部署への展開が進んでいない、ライセンスを過剰に購入した、"
                "主要な部署で有効な使い方が見つかっているなど、具体的な仮説を2〜3個立て、"
                "それぞれを確かめる質問を用意します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and links each hypothesis to what it means for the renewal (risk of a "
                "licence reduction or a chance to expand), decides which to test first, and says "
                "what evidence would change their view."
            ),
            ja=(
                "レベル3の内容に加え、各仮説が更新にどう影響するか（ライセンス削減のリスクか、"
                "展開拡大の機会か）まで結びつけて検証の優先順位を決め、"
                "どのような事実が出れば見立てを変えるかを明言します。"
            ),
        ),
    ),
    SeedQuestion(
        key="HYPOTHESIS-DRIVEN-2",
        competency_code="HYPOTHESIS-DRIVEN",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time your first hypothesis about a customer's problem turned out "
                "to be wrong. How did you find out, and what did you do next?"
            ),
            ja=(
                "顧客の課題について最初に立てた仮説が外れていた経験について教えてください。"
                "どのように気づき、その後どうしましたか。"
            ),
        ),
        probes=(
            Text(
                en="What was your first hypothesis based on?",
                ja="最初の仮説は、何をもとに立てたのですか。",
            ),
            Text(
                en="How long did it take you to realise it was wrong?",
                ja="外れていると気づくまでに、どのくらいかかりましたか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Cannot recall a hypothesis turning out wrong, or kept defending it long after the "
                "evidence showed otherwise."
            ),
            ja="仮説が外れた経験を思い出せないか、反する事実が出た後も長く仮説に固執していました。",
        ),
        anchor_mid=Text(
            en=(
                "Describes the hypothesis and what it was based on, the evidence that disproved "
                "it, and how they quickly formed and tested a new one."
            ),
            ja=(
                "仮説とその根拠、それを覆した事実、そしてすばやく新しい仮説を立てて検証し直した流れ"
                "を説明します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and explains what they changed in how they form hypotheses (for "
                "example testing the cheapest one first), showing a deliberate method rather than "
                "luck."
            ),
            ja=(
                "レベル3の内容に加え、最も手軽に確かめられる仮説から検証するなど、"
                "その後の仮説の立て方をどう変えたかを語り、偶然ではなく意識的に取り組んでいることが"
                "伝わります。"
            ),
        ),
    ),
    SeedQuestion(
        key="SUCCESS-PLANNING-1",
        competency_code="SUCCESS-PLANNING",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "A company with 300 employees has signed a one-year contract to 'improve "
                "efficiency'. At the kick-off, nobody can say which process or metric they want to "
                "improve. How do you build a success plan with them?"
            ),
            ja=(
                "従業員300名の企業が「業務効率化」を目的に1年契約を結びました。"
                "しかしキックオフの場では、どの業務やどの指標を改善したいのかを誰も具体的に答えられ"
                "ません。この顧客とどのようにサクセスプランを作りますか。"
            ),
        ),
        probes=(
            Text(
                en="Who would you involve, and what would you ask them?",
                ja="誰を巻き込み、どのようなことを聞きますか。",
            ),
            Text(
                en="What would the first three milestones look like?",
                ja="最初の3つのマイルストーンはどのようなものになりますか。",
            ),
            Text(
                en="How would you show at renewal that the plan delivered value?",
                ja="計画が価値を生んだことを、更新時にどのように示しますか。",
            ),
        ),
        anchor_low=Text(
            en="Goes ahead with the standard onboarding steps and leaves the goal as 'efficiency'.",
            ja="目的を「効率化」のままにして、標準的なオンボーディングの手順を進めます。",
        ),
        anchor_mid=Text(
            en=(
                "Runs discovery with the sponsor and users to pick one or two processes, measures "
                "a baseline, sets measurable targets, and agrees milestones, owners and review "
                "dates."
            ),
            ja=(
                "推進者や利用者へのヒアリングを通じて対象業務を1〜2個に絞り、"
                "現状の数値を測ったうえで測定可能な目標を設定し、"
                "マイルストーン・担当者・振り返りの日程を合意します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and ties the plan to what the executive sponsor needs to report, puts "
                "quick wins before bigger changes, and sets up reviews so that the value story is "
                "ready by renewal."
            ),
            ja=(
                "レベル3の内容に加え、役員が社内に報告すべき成果と計画を結びつけ、"
                "大きな変化の前に早期の小さな成果を置く順序で組み立てます。"
                "更新時に価値を示せるよう、振り返りの仕組みも整えます。"
            ),
        ),
    ),
    SeedQuestion(
        key="SUCCESS-PLANNING-2",
        competency_code="SUCCESS-PLANNING",
        question_type=BEHAVIOURAL,
        text=Text(
            en=(
                "Tell me about a time you created a plan with a customer that the customer "
                "actually used. What was in it, and how did you keep it alive?"
            ),
            ja=(
                "顧客と一緒に作った計画が、実際に顧客に活用された経験について教えてください。"
                "どのような内容で、形だけのものにならないようどのように運用しましたか。"
            ),
        ),
        probes=(
            Text(
                en="How did you agree the goals with the customer?",
                ja="目標はどのように顧客と合意しましたか。",
            ),
            Text(
                en="What happened to the plan when the customer's situation changed?",
                ja="顧客の状況が変わったとき、計画はどうなりましたか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "The plan was an internal document or a generic template that the customer never "
                "saw or used."
            ),
            ja=(
                "計画は社内向けの資料か汎用的なテンプレートにすぎず、顧客は目にしていないか、"
                "使っていません。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Describes a plan with measurable goals, milestones and owners agreed with the "
                "customer, and regular reviews that tracked progress."
            ),
            ja=(
                "測定可能な目標・マイルストーン・担当者を顧客と合意した計画と、"
                "進捗を追う定期的な振り返りについて説明します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and the plan was revised as things changed, was used inside the "
                "customer's organisation, and its results were shown at renewal or when proposing "
                "expansion."
            ),
            ja=(
                "レベル3の内容に加え、状況の変化に合わせて計画を見直し、顧客社内でも活用され、"
                "その成果を更新や拡大の提案の場面で示せています。"
            ),
        ),
    ),
    SeedQuestion(
        key="STAKEHOLDER-MANAGEMENT-1",
        competency_code="STAKEHOLDER-MANAGEMENT",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "Your champion at a key account tells you she is leaving the company at the end of "
                "the month. She chose your product, and you have little contact with anyone else "
                "there. The renewal is in four months. What do you do?"
            ),
            ja=(
                "重要顧客の推進者（チャンピオン）から、月末で退職すると知らされました。"
                "製品の導入を決めたのはこの方で、ほかの社員とはほとんど接点がありません。"
                "更新は4か月後です。どうしますか。"
            ),
        ),
        probes=(
            Text(
                en="What would you ask her to do before she leaves?",
                ja="退職までの間に、この方に何をお願いしますか。",
            ),
            Text(
                en="How would you identify the new people and approach them?",
                ja="新たな関係者をどのように見つけ、どう働きかけますか。",
            ),
            Text(
                en="What would you change with your other accounts after this?",
                ja="この経験を踏まえ、ほかの顧客への対応で何を変えますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Waits to see who the successor will be, or keeps working only with the departing "
                "champion until she leaves."
            ),
            ja="後任が決まるのを待つか、退職するまで推進者とだけやり取りを続けます。",
        ),
        anchor_mid=Text(
            en=(
                "Asks the champion for a handover and introductions (successor, manager, key "
                "users), meets them quickly, reviews value and goals with them, and updates the "
                "account's risk rating."
            ),
            ja=(
                "推進者に引き継ぎと、後任・上司・主要な利用者の紹介を依頼し、"
                "早めに面談して提供価値と目標を一緒に振り返り、顧客のリスク評価を見直します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and builds relationships at several levels including an executive "
                "sponsor, helps the successor take ownership (handing over the success plan), and "
                "stays in touch with the champion, who may buy again at her next company."
            ),
            ja=(
                "レベル3の内容に加え、役員を含む複数の層と関係を築き、"
                "サクセスプランを引き継いで後任が製品の推進役を担えるよう支援します。"
                "転職先で再び顧客になる可能性もあるため、推進者本人とも関係を保ちます。"
            ),
        ),
    ),
    SeedQuestion(
        key="STAKEHOLDER-MANAGEMENT-2",
        competency_code="STAKEHOLDER-MANAGEMENT",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "At a large customer, the IT department wants to restrict the product to a small "
                "set of functions for security reasons, while the sales department, the main "
                "users, wants everything switched on. Each side asks you to back their position. "
                "What do you do?"
            ),
            ja=(
                "ある大口顧客で、情報システム部門はセキュリティ上の理由から製品の機能を厳しく制限し"
                "たいと考え、主な利用者である営業部門はすべての機能を使いたいと考えています。"
                "双方からそれぞれの立場を支持するよう求められました。どうしますか。"
            ),
        ),
        probes=(
            Text(
                en="How would you find out what each side really needs?",
                ja="それぞれが本当に必要としていることを、どのように確かめますか。",
            ),
            Text(
                en="Who from your own company would you involve?",
                ja="自社からは誰を巻き込みますか。",
            ),
            Text(
                en="Who should make the final decision, and how would you get there?",
                ja="最終的には誰が決めるべきで、そこにどう持っていきますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Sides with their main contact or the user department, or stays out of it and "
                "waits."
            ),
            ja="窓口担当者や利用部門の側につくか、関わらずに成り行きを待ちます。",
        ),
        anchor_mid=Text(
            en=(
                "Talks to each side to understand the real needs (the specific security risks, the "
                "functions sales cannot do without), brings in their own company's security expert "
                "and proposes a configuration that meets both."
            ),
            ja=(
                "双方と個別に話し、具体的なセキュリティリスクや営業が欠かせない機能など本当のニーズ"
                "を把握したうえで、自社のセキュリティ担当者を巻き込み、"
                "両方の条件を満たす設定を提案します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and facilitates a joint session to agree shared goals and decision "
                "criteria, escalates to an executive sponsor only if needed, and documents the "
                "agreement for future changes."
            ),
            ja=(
                "レベル3の内容に加え、合同の場を設けて共通の目標と判断基準を合意し、"
                "必要な場合に限って役員に判断を仰ぎます。今後の変更にも使えるよう、"
                "合意内容を文書に残します。"
            ),
        ),
    ),
    SeedQuestion(
        key="DATA-INSIGHT-1",
        competency_code="DATA-INSIGHT",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "In the weekly health score report, you see that one of your larger customers has "
                "dropped from green to yellow: weekly active users fell by 35% over three weeks, "
                "mostly in one branch. Nobody has complained. What do you do?"
            ),
            ja=(
                "週次のヘルススコアのレポートで、比較的大きな顧客の評価が「良好」から「注意」"
                "に下がっていることに気づきました。週間アクティブユーザーが3週間で35%減少しており、"
                "その大半が一つの支店に集中しています。顧客からの不満の声は届いていません。"
                "どうしますか。"
            ),
        ),
        probes=(
            Text(
                en="What would you look at in the data before contacting the customer?",
                ja="顧客に連絡する前に、データの何を確認しますか。",
            ),
            Text(
                en="What explanations are possible, and how would you tell them apart?",
                ja="どのような原因が考えられ、それらをどう見分けますか。",
            ),
            Text(
                en=(
                    "How would you raise it with the customer without sounding as if you were "
                    "monitoring them?"
                ),
                ja="監視しているような印象を与えずに、どのように顧客に切り出しますか。",
            ),
        ),
        anchor_low=Text(
            en=(
                "Waits for the customer to raise it, or sends a generic 'how is everything going?' "
                "email."
            ),
            ja=(
                "顧客から言ってくるのを待つか、「その後いかがですか」"
                "といった定型的なメールを送るだけです。"
            ),
        ),
        anchor_mid=Text(
            en=(
                "Digs into the data (which users, which features, since when), considers possible "
                "causes (staff changes, a new process, seasonality), contacts the branch or "
                "administrator with a specific question and agrees an action."
            ),
            ja=(
                "どの利用者が、どの機能で、いつから減ったのかを掘り下げ、"
                "人事異動・業務の変更・季節要因などの原因を想定したうえで、"
                "支店や管理者に具体的な質問を添えて連絡し、対応を合意します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and frames the finding as help rather than monitoring, checks whether "
                "the same pattern appears at other customers, and suggests improving the health "
                "score if it missed an earlier signal."
            ),
            ja=(
                "レベル3の内容に加え、監視ではなく支援として伝わるよう切り出し方を工夫します。"
                "同じ傾向がほかの顧客にも出ていないかを確認し、"
                "より早い兆しを捉えられていなかった場合はヘルススコアの改善も提案します。"
            ),
        ),
    ),
    SeedQuestion(
        key="DATA-INSIGHT-2",
        competency_code="DATA-INSIGHT",
        question_type=SITUATIONAL,
        text=Text(
            en=(
                "Ahead of the renewal, the customer's CFO asks you: 'What have we actually got "
                "from this tool over the past year?' You have product usage data, but no success "
                "metrics were agreed at the start. How do you build your answer?"
            ),
            ja=(
                "更新を控え、顧客のCFOから「この1年で、このツールから実際に何が得られたのか」"
                "と聞かれました。製品の利用データはありますが、"
                "導入時に成果指標は合意していませんでした。どのように回答を組み立てますか。"
            ),
        ),
        probes=(
            Text(
                en=(
                    "Which data would you combine, and where would you get the customer-side "
                    "figures?"
                ),
                ja="どのデータを組み合わせ、顧客側の数値はどこから入手しますか。",
            ),
            Text(
                en="How would you handle results you cannot prove were caused by the tool?",
                ja="ツールの効果だと証明しきれない成果は、どのように扱いますか。",
            ),
            Text(
                en="What would you change for the coming year?",
                ja="次の1年に向けて、何を変えますか。",
            ),
        ),
        anchor_low=Text(
            en="Plans to send login counts and feature usage as proof of value.",
            ja="ログイン回数や機能の利用状況を、そのまま価値の証拠として送るつもりです。",
        ),
        anchor_mid=Text(
            en=(
                "Translates usage into business results (hours saved, faster processing) using "
                "figures gathered from the users, and presents them in the CFO's terms with the "
                "assumptions stated."
            ),
            ja=(
                "利用者から集めた顧客側の数値を使って、利用状況を削減時間や処理の迅速化といった業務"
                "成果に置き換え、前提を明示したうえで、CFOが重視する観点で示します。"
            ),
        ),
        anchor_high=Text(
            en=(
                "As level 3, and is honest about what is estimated and what is measured, shows "
                "where value is still untapped, and proposes agreed success metrics and a baseline "
                "for the coming year."
            ),
            ja=(
                "レベル3の内容に加え、推計値と実測値を正直に区別し、"
                "まだ引き出せていない価値も示します。次の1年に向けて、"
                "合意した成果指標と基準値の設定を提案します。"
            ),
        ),
    ),
)

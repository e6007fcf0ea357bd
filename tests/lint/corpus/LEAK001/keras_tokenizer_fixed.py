# expect: none
import pandas as pd
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras import layers, models
from sklearn.model_selection import train_test_split

tweets = pd.read_csv("tweets.csv")
texts = tweets["text"].astype(str)
labels = tweets["label"].values
text_train, text_test, y_train, y_test = train_test_split(texts, labels, test_size=0.2, stratify=labels, random_state=0)
tok = Tokenizer(num_words=20000, oov_token="<unk>")
tok.fit_on_texts(text_train)
X_train = pad_sequences(tok.texts_to_sequences(text_train), maxlen=60)
X_test = pad_sequences(tok.texts_to_sequences(text_test), maxlen=60)
model = models.Sequential([layers.Embedding(20000, 64), layers.GlobalAveragePooling1D(), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["AUC"])
model.fit(X_train, y_train, epochs=5, validation_split=0.1)
print(model.evaluate(X_test, y_test))
